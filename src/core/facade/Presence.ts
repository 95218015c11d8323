import type { PresenceError } from './PresenceError.js';
import type {
  ChannelType,
  JoinOptions,
  PresenceEvent,
  Room,
  UserState,
  UserStateRecord,
  WhereNowResult,
  WhoNowOptions,
  WhoNowResult,
} from '../types.js';

/** A listener of Agora `PresenceEvent`s (`addEventListener('presence', ...)`). */
export type PresenceListener<S extends UserState = UserState> = (event: PresenceEvent<S>) => void;

/**
 * The Agora-shaped facade returned by `createPresence`: one signed-in user, one supabase-js
 * channel per joined room. Every method that returns a promise rejects with `PresenceError` only
 * (read its `code`, one of Agora's where Agora has one). An optional `channelType` argument
 * (`'MESSAGE'` or `'STREAM'`) is accepted where Agora takes one and only echoed in events.
 */
export interface Presence<S extends UserState = UserState> {
  /** The signed-in user this engine was created for (`createPresence({ userId })`). */
  readonly userId: string;

  /**
   * Joins `channelName`: opens its channel, tracks our presence and resolves with the room once
   * subscribed and the first `presence_state` is applied (or 5 s after subscribing if the server
   * sends none). A channel already joined or joining gives the same room; a room the server shut
   * down rejoins (`room.rejoin()`) and is that same room again. On a private channel the client's
   * token is made current first (`realtime.setAuth()`, which calls supabase-js' `accessToken`
   * callback). State set with `setState` before the join is published with it, on top of
   * `options.initialState`.
   *
   * Rejects `INVALID_ARGUMENT` (name, options or initial state), `OPERATION_FAILED` (the join
   * was refused, the channel is already in use on this supabase client, `leave` came first, or
   * the presence was destroyed) or `OPERATION_TIMEOUT`.
   *
   * @example
   * ```ts
   * const room = await presence.join('lobby', { initialState: { mood: 'happy' } });
   * room.store.subscribe((state) => console.log(state.occupancy, 'here'));
   * ```
   */
  join(channelName: string, options?: JoinOptions<S>): Promise<Room<S>>;

  /**
   * Leaves `channelName` on purpose: sends a goodbye first so others see `REMOTE_LEAVE` (not a
   * timeout), then removes the channel; a join still pending rejects. Forgets state cached for a
   * channel never joined. Rejects `NOT_CONNECTED` when neither applies.
   *
   * @example
   * ```ts
   * await presence.leave('lobby');
   * ```
   */
  leave(channelName: string): Promise<void>;

  /** The room of a joined (or joining) channel, for its store and Supabase-style calls. */
  getRoom(channelName: string): Room<S> | undefined;

  /**
   * Merges `state` into our own state on `channelName` (Agora's string pairs, at most
   * `limits.maxKeys`) and sends it: at once by Broadcast (throttled to one per
   * `broadcastThrottleMs`, last change always sent) and into presence under the track budget.
   * Unchanged content sends nothing. While the channel is not joined (or its join failed) the
   * state is cached, for up to `limits.maxCachedChannels` channels, and published on join. While
   * the server has the room shut down (`closed`, `CHANNEL_SHUTDOWN`) the state is kept, shown as
   * ours at once, and sent with the room's rejoin (see `Room.rejoin`); it never rejects for that.
   * After `destroy()` it rejects with `OPERATION_FAILED`.
   *
   * Rejects with the state's Agora code (`STATE_COUNT_OVERFLOW`, `INVALID_STATE_KEY`,
   * `INVALID_STATE_VALUE`, `STATE_KEY_SIZE_OVERFLOW`, `STATE_VALUE_SIZE_OVERFLOW`), with
   * `CACHED_TOO_MANY_STATES`, or `INVALID_ARGUMENT`.
   *
   * @example
   * ```ts
   * await presence.setState('lobby', { mood: 'busy', seat: '3' });
   * await presence.setState('lobby', 'MESSAGE', { mood: 'away' }); // Agora's argument order
   * ```
   */
  setState(channelName: string, state: Partial<S>): Promise<void>;
  /** `setState` with Agora's `channelType` argument. */
  setState(channelName: string, channelType: ChannelType, state: Partial<S>): Promise<void>;

  /**
   * Removes keys from our own state on `channelName` (`options.states`), or all of it without
   * them, and sends the result like `setState`. Without a room it edits the cached state;
   * rejects `NOT_CONNECTED` when there is neither a room nor a cached state.
   *
   * @example
   * ```ts
   * await presence.removeState('lobby', { states: ['seat'] });
   * ```
   */
  removeState(channelName: string, options?: { states?: string[] }): Promise<void>;
  /** `removeState` with Agora's `channelType` argument. */
  removeState(
    channelName: string,
    channelType: ChannelType,
    options?: { states?: string[] },
  ): Promise<void>;

  /**
   * One user's state in a joined room (Agora `getState`). For ourselves it is this connection's
   * own state, the one `setState` edits. Waits for a pending join; rejects `NOT_CONNECTED` when
   * the channel is not joined and `USER_NOT_EXIST` when the user is not in it.
   *
   * @example
   * ```ts
   * const { states, statesCount } = await presence.getState('bob', 'lobby');
   * ```
   */
  getState(
    userId: string,
    channelName: string,
    channelType?: ChannelType,
  ): Promise<UserStateRecord<S>>;

  /**
   * Who is in a joined room (Agora `whoNow`): one page of users in id order, with ids by default
   * and states when `includedState` is set, plus the whole room's count. Pass `nextPage` back as
   * `page` for the next one. Answered from the local store (no network). Waits for a pending
   * join; rejects `NOT_CONNECTED` or `INVALID_ARGUMENT` (options, a foreign bookmark).
   *
   * @example
   * ```ts
   * let page = '';
   * do {
   *   const result = await presence.whoNow('lobby', { includedState: true, pageSize: 100, page });
   *   for (const { userId, states } of result.occupants) console.log(userId, states);
   *   page = result.nextPage;
   * } while (page !== '');
   * ```
   */
  whoNow(channelName: string, options?: WhoNowOptions): Promise<WhoNowResult<S>>;
  /** `whoNow` with Agora's `channelType` argument. */
  whoNow(
    channelName: string,
    channelType: ChannelType,
    options?: WhoNowOptions,
  ): Promise<WhoNowResult<S>>;

  /**
   * The channels a user is in (Agora `whereNow`). For ourselves: the rooms we are subscribed to
   * or reconnecting in. For others: from the opt-in `directory` channel once it has synced,
   * otherwise only the rooms we share with them. Rejects `INVALID_ARGUMENT` for a bad id.
   *
   * @example
   * ```ts
   * const { channels } = await presence.whereNow('bob');
   * ```
   */
  whereNow(userId: string): Promise<WhereNowResult>;

  /**
   * Listens to Agora `PresenceEvent`s of every joined room (`SNAPSHOT` on join, then `REMOTE_*`
   * per change, or one `INTERVAL` per `intervalMs` above `intervalThreshold` occupants), or to
   * errors (`'error'`: dropped remote payloads, refused tracks, channel shutdowns). Returns the
   * function that removes the listener. Throws `INVALID_ARGUMENT` for another type or a
   * listener that is not a function.
   *
   * @example
   * ```ts
   * const stop = presence.addEventListener('presence', (event) => {
   *   if (event.eventType === 'REMOTE_JOIN') console.log(event.publisher, 'joined');
   * });
   * presence.addEventListener('error', (error) => console.warn(error.code, error.message));
   * stop();
   * ```
   */
  addEventListener(type: 'presence', listener: PresenceListener<S>): () => void;
  /** Listens to the engine's errors; see the `'presence'` overload. */
  addEventListener(type: 'error', listener: (error: PresenceError) => void): () => void;

  /**
   * Leaves every room (each with its goodbye), drops cached state, stops the page-hide handler
   * and the directory channel. Afterwards `join`, `setState` and `removeState` reject with
   * `OPERATION_FAILED`: create a new presence to come back.
   *
   * @example
   * ```ts
   * await presence.destroy();
   * ```
   */
  destroy(): Promise<void>;
}
