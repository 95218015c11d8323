import type { UserState } from '../types.js';
import type { RemoteConnectionState } from './validatePayload.js';

/** How many connections' early states are kept; the oldest are forgotten first. */
const MAX_EARLY_CONNECTIONS = 256;

/**
 * Candidates kept per connection. Only the first ones are kept: a connection id is random, so an
 * intruder learns it from the connection's own first send and can only forge after it.
 */
const MAX_CANDIDATES = 4;

/**
 * Longest user id kept for a user not seen yet (the local server's presence key bound). Nothing
 * else bounds a `pk:state`'s `userId` but the 3 MB payload limit: 256 early states of megabyte
 * ids held a gigabyte in every receiver. Known users' states are applied whatever their id's length.
 */
export const MAX_EARLY_USER_ID_LENGTH = 256;

/** What `take` returns when nothing waits (shared: callers only read it). */
const NOTHING: readonly never[] = [];

/**
 * `pk:state` broadcasts for connections not yet seen in presence. Supabase does not order
 * Broadcast against Presence (presence diffs are merged asynchronously), so a newcomer's first
 * state can arrive before its meta; it waits here, bounded and unproven, and is applied only if
 * its proof checks out against the chain the meta announces.
 */
export class EarlyStates<S extends UserState> {
  readonly #states = new Map<string, RemoteConnectionState<S>[]>();

  /** Keeps an unproven early state of `userId`'s connection; false for an over-long id. */
  remember(userId: string, value: RemoteConnectionState<S>): boolean {
    if (userId.length > MAX_EARLY_USER_ID_LENGTH) return false;
    const key = keyOf(userId, value.connectionId);
    const known = this.#states.get(key);
    if (known) {
      if (known.length < MAX_CANDIDATES) known.push(value);
      return true;
    }
    this.#states.set(key, [value]);
    if (this.#states.size > MAX_EARLY_CONNECTIONS) {
      const oldest = this.#states.keys().next().value;
      if (oldest !== undefined) this.#states.delete(oldest);
    }
    return true;
  }

  /** Removes and returns the waiting candidates of one connection, newest version first. */
  take(userId: string, connectionId: string): readonly RemoteConnectionState<S>[] {
    // The common case on every meta of a presence_state: nothing waits, build no key.
    if (this.#states.size === 0) return NOTHING;
    const key = keyOf(userId, connectionId);
    const values = this.#states.get(key);
    if (!values) return NOTHING;
    this.#states.delete(key);
    return values.sort((a, b) => b.version - a.version);
  }

  /** Forgets everything. */
  clear(): void {
    this.#states.clear();
  }
}

/** One map key per (user, connection), unambiguous for any strings. */
function keyOf(userId: string, connectionId: string): string {
  return `${userId.length}:${userId}${connectionId}`;
}
