/**
 * A kit user in the voice room: `createPresence` on a metered client, one room, the seat model
 * (`createMicSeats`) and the typing model (`createTyping`), used as an app would.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { createPresence } from '../../src/core/index.js';
import type { Presence, Room } from '../../src/core/index.js';
import { createMicSeats } from '../../src/core/models/createMicSeats.js';
import { createTyping } from '../../src/core/models/createTyping.js';
import type { MicSeats } from '../../src/core/models/seatTypes.js';
import type { TypingModel } from '../../src/core/models/typingTypes.js';
import type { Occupant } from '../../src/core/types.js';
import type { Hub } from '../../src/server/loopback/index.js';
import { INITIAL_STATE, ROOM, type Actor } from './Actor.js';
import { meteredClient } from './meteredClient.js';
import type { WireMeter } from './WireMeter.js';

interface Joined {
  client: SupabaseClient;
  presence: Presence;
  room: Room;
  seats: MicSeats<Occupant>;
  typing: TypingModel<Occupant>;
}

/** A kit actor; `seatCount` and `hostId` configure its seat model. */
export class KitActor implements Actor {
  private joined: Joined | null = null;

  constructor(
    readonly user: string,
    private readonly hearing: boolean,
    private readonly env: { hub: Hub; meter: WireMeter; seatCount: number; hostId: string },
  ) {}

  get ready(): boolean {
    return this.joined !== null;
  }

  async join(): Promise<void> {
    const { hub, meter, seatCount, hostId } = this.env;
    const client = meteredClient(hub, meter, this.user, !this.hearing);
    const presence = createPresence({ client, userId: this.user });
    const room = await presence.join(ROOM, { initialState: { ...INITIAL_STATE } });
    const seats = createMicSeats(room, { presence, seatCount, hostId, storage: null });
    const typing = createTyping(room);
    this.joined = { client, presence, room, seats, typing };
  }

  async leave(): Promise<void> {
    const joined = this.joined;
    this.joined = null;
    if (!joined) return;
    joined.seats.destroy();
    joined.typing.destroy();
    await joined.presence.destroy();
    await joined.client.realtime.disconnect();
    this.env.meter.closed(this.user);
  }

  async setState(key: string, value: string): Promise<void> {
    await this.joined?.presence.setState(ROOM, { [key]: value });
  }

  async setMuted(muted: boolean): Promise<void> {
    await this.joined?.seats.setMuted(muted);
  }

  async takeSeat(seat: number): Promise<void> {
    await this.joined?.seats.takeSeat(seat);
  }

  async leaveSeat(): Promise<void> {
    await this.joined?.seats.leaveSeat();
  }

  keystroke(): void {
    this.joined?.typing.keystroke();
  }

  stopTyping(): void {
    this.joined?.typing.stop();
  }

  level(value: number): void {
    void this.joined?.seats.setSpeakingLevel(value).catch(() => undefined);
  }
}
