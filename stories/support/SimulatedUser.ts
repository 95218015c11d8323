import type { SupabaseClient } from '@supabase/supabase-js';
import { createPresence, type Presence, type Room } from 'presence-kit';
import type { BotState } from './botProfiles.js';
import { UserModels } from './UserModels.js';

/** Hands out one supabase-js client per simulated user: loopback, local server or hosted. */
export type ClientFactory = () => SupabaseClient;

/** Called with anything a simulated user's call rejected with (the script carries on). */
export type ErrorSink = (error: unknown) => void;

/**
 * One scripted user: a real presence on a supabase-js client of its own, so it joins, leaves and
 * changes state through exactly the wire path an app's users take. Calls never throw: a script
 * runs on timers, and a rejected call goes to `onError` instead.
 */
export class SimulatedUser {
  /** The engine instance; typing and seat models attach to it. */
  readonly presence: Presence<BotState>;
  /** Whether the user is (or is becoming) a member of the room. */
  here = false;
  /** The last state it announced. */
  state: BotState;
  /** Its typing and seat models (the kit's own), for the room it is in. */
  readonly models: UserModels;
  private readonly client: SupabaseClient;

  constructor(
    readonly userId: string,
    initialState: BotState,
    private readonly roomName: string,
    createClient: ClientFactory,
    private readonly onError: ErrorSink,
  ) {
    this.client = createClient();
    this.state = { ...initialState };
    this.presence = createPresence<BotState>({ client: this.client, userId });
    this.models = new UserModels(() => this.room(), this.presence);
  }

  /** The engine's room while joined (typing and seat models take it). */
  room(): Room<BotState> | undefined {
    return this.here ? this.presence.getRoom(this.roomName) : undefined;
  }

  /** Joins the room with its current state; resolves once joined (or failed). */
  async join(): Promise<void> {
    if (this.here) return;
    this.here = true;
    await this.presence
      .join(this.roomName, { initialState: this.state })
      .then(() => undefined, this.onError);
  }

  /** Leaves the room gracefully (others see `REMOTE_LEAVE`). */
  async leave(): Promise<void> {
    if (!this.here) return;
    this.here = false;
    await this.presence.leave(this.roomName).catch(this.onError);
  }

  /** Merges `patch` into its state. */
  async setState(patch: BotState): Promise<void> {
    this.state = { ...this.state, ...patch };
    if (!this.here) return;
    await this.presence.setState(this.roomName, patch).catch(this.onError);
  }

  /**
   * Ends the user quietly: its channels are removed first (a plain phx_leave each), so the engine
   * finds nothing to announce its leave on, and a thousand users stop without a thousand
   * goodbye broadcasts fanning out to each other; then the engine and the socket are closed.
   */
  async destroy(): Promise<void> {
    this.here = false;
    this.models.destroy();
    await this.client.removeAllChannels().catch(this.onError);
    await this.presence.destroy().catch(this.onError);
    await this.client.realtime.disconnect().catch(this.onError);
  }
}
