import type { UserState } from '../types.js';
import type { RemoteConnectionState } from './validatePayload.js';

/** How many connections' early states are kept; the oldest are forgotten first. */
const MAX_EARLY_STATES = 256;

/**
 * `pk:state` broadcasts for connections not yet seen in presence. Supabase does not order
 * Broadcast against Presence (presence diffs are merged asynchronously), so a newcomer's first
 * state can arrive before its meta; it waits here, bounded, and is applied when the meta joins.
 */
export class EarlyStates<S extends UserState> {
  private readonly states = new Map<string, { userId: string; value: RemoteConnectionState<S> }>();

  /** Keeps the newest version per connection. */
  remember(userId: string, value: RemoteConnectionState<S>): void {
    const known = this.states.get(value.connectionId);
    if (known && known.value.version >= value.version) return;
    this.states.delete(value.connectionId);
    this.states.set(value.connectionId, { userId, value });
    if (this.states.size > MAX_EARLY_STATES) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }

  /** The better of `value` and a waiting early state of the same user and connection. */
  takeNewest(userId: string, value: RemoteConnectionState<S>): RemoteConnectionState<S> {
    const early = this.states.get(value.connectionId);
    this.states.delete(value.connectionId);
    return early && early.userId === userId && early.value.version > value.version
      ? early.value
      : value;
  }

  /** Forgets everything. */
  clear(): void {
    this.states.clear();
  }
}
