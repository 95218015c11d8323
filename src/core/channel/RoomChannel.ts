import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { asPresenceError } from '../facade/facadeArgs.js';
import type { PresenceSettings } from '../facade/settings.js';
import { openChannel } from './openChannel.js';

/**
 * The supabase-js channel a room is on. A channel the server shut down cannot be joined again
 * (supabase-js joins a channel object once), so a rejoin replaces it with a fresh one, bound to
 * the same listeners.
 */
export class RoomChannel {
  #channel: RealtimeChannel;
  #binder: ((channel: RealtimeChannel) => void) | null = null;
  readonly #client: SupabaseClient;
  readonly #channelName: string;
  readonly #settings: Pick<PresenceSettings, 'presenceKey' | 'private'>;

  constructor(
    client: SupabaseClient,
    channelName: string,
    settings: Pick<PresenceSettings, 'presenceKey' | 'private'>,
  ) {
    this.#client = client;
    this.#channelName = channelName;
    this.#settings = settings;
    this.#channel = openChannel(client, channelName, settings);
  }

  /** The current channel. */
  get current(): RealtimeChannel {
    return this.#channel;
  }

  /** Registers listeners (through `binder`) on this and every later channel. */
  bind(binder: (channel: RealtimeChannel) => void): void {
    this.#binder = binder;
    binder(this.#channel);
  }

  /**
   * Before a private channel's join, makes the client's token current. supabase-js sends a join
   * with whatever token it holds: none yet when its `accessToken` callback has not resolved (a
   * join right after `createClient`), or an expired one after a long sleep, and the server then
   * refuses the join. `setAuth()` calls the callback and waits for it. `null` for a public channel:
   * nothing to wait for.
   */
  prepareJoin(): Promise<void> | null {
    return this.#settings.private ? makeTokenCurrent(this.#client) : null;
  }

  /** Removes the current channel from the client. */
  remove(): Promise<unknown> {
    return this.#client.removeChannel(this.#channel);
  }

  /**
   * Removes the closed channel and opens a fresh one, token made current first (any channel).
   * Rejects with a `PresenceError` only.
   */
  async reopen(): Promise<void> {
    await this.remove().catch(() => undefined);
    await makeTokenCurrent(this.#client);
    try {
      this.#channel = openChannel(this.#client, this.#channelName, this.#settings);
    } catch (error) {
      throw asPresenceError(error, 'rejoin');
    }
    this.#binder?.(this.#channel);
  }
}

async function makeTokenCurrent(client: SupabaseClient): Promise<void> {
  try {
    await client.realtime.setAuth();
  } catch {
    // supabase-js logs the callback's failure and keeps its last token; the join reports the rest.
  }
}
