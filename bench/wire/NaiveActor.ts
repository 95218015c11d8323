/**
 * The naive approach, as Supabase's presence docs teach it: one channel, `track` of the whole
 * state on every change (state, seat, mute, typing start/stop, speaking start/stop; levels are
 * not sent at all). What a receiver does with the frames (the docs read `presenceState()` on
 * every `sync`) costs CPU, not wire: bench:core measures that, so it is left out here.
 */
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import type { Hub } from '../../src/server/loopback/index.js';
import { INITIAL_STATE, ROOM, SPEAKING_THRESHOLD, type Actor } from './Actor.js';
import { meteredClient } from './meteredClient.js';
import type { WireMeter } from './WireMeter.js';

/** A naive actor. */
export class NaiveActor implements Actor {
  private client: SupabaseClient | null = null;
  private channel: RealtimeChannel | null = null;
  private subscribed = false;
  private state: Record<string, string> = { ...INITIAL_STATE };
  private typing = false;
  private speaking = false;

  constructor(
    readonly user: string,
    private readonly hearing: boolean,
    private readonly env: { hub: Hub; meter: WireMeter },
  ) {}

  get ready(): boolean {
    return this.subscribed;
  }

  join(): Promise<void> {
    const client = meteredClient(this.env.hub, this.env.meter, this.user, !this.hearing);
    const channel = client.channel(ROOM, {
      config: { presence: { key: this.user, enabled: true } },
    });
    // The docs' listener (its presenceState() call left out, see above).
    if (this.hearing) channel.on('presence', { event: 'sync' }, () => undefined);
    this.client = client;
    this.channel = channel;
    this.state = { ...INITIAL_STATE };
    return new Promise((resolve) => {
      channel.subscribe((status) => {
        if (status !== 'SUBSCRIBED') return;
        this.subscribed = true;
        void channel.track(this.state).then(() => resolve());
      });
    });
  }

  async leave(): Promise<void> {
    const { client, channel } = this;
    this.subscribed = false;
    this.client = null;
    this.channel = null;
    if (channel && client) {
      await client.removeChannel(channel);
      await client.realtime.disconnect();
    }
    this.env.meter.closed(this.user);
  }

  async setState(key: string, value: string): Promise<void> {
    if (!this.channel || !this.subscribed) return;
    this.state = { ...this.state, [key]: value };
    await this.channel.track(this.state);
  }

  setMuted(muted: boolean): Promise<void> {
    return this.setState('muted', muted ? 'true' : 'false');
  }

  takeSeat(seat: number): Promise<void> {
    return this.setState('seat', String(seat));
  }

  leaveSeat(): Promise<void> {
    return this.setState('seat', '');
  }

  keystroke(): void {
    if (this.typing) return;
    this.typing = true;
    void this.setState('typing', 'true');
  }

  stopTyping(): void {
    if (!this.typing) return;
    this.typing = false;
    void this.setState('typing', 'false');
  }

  level(value: number): void {
    const speaking = value >= SPEAKING_THRESHOLD && this.state.muted !== 'true';
    if (speaking === this.speaking) return;
    this.speaking = speaking;
    void this.setState('speaking', speaking ? 'true' : 'false');
  }
}
