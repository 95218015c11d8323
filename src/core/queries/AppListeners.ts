import { ListenerSet } from './ListenerSet.js';
import { PresenceError } from '../facade/PresenceError.js';
import type { SupabasePresenceEvent } from '../types.js';
import { PK_PREFIX } from '../outbound/wire.js';

/** The Supabase presence events a room forwards. */
export type SupabaseEventName = 'sync' | 'join' | 'leave';

/** Refuses empty event names and the kit's reserved `pk:` prefix. */
export function checkAppEvent(event: unknown, operation: string): void {
  if (typeof event !== 'string' || event === '' || event.startsWith(PK_PREFIX)) {
    const reason = `event must be a non-empty string not starting with "${PK_PREFIX}"`;
    throw new PresenceError('INVALID_ARGUMENT', operation, reason);
  }
}

/**
 * The app's listeners on one room: Supabase-style presence callbacks and Broadcast events. The
 * room's single channel binding of each kind fans out here, so listeners can come and go after
 * `subscribe()` (supabase-js refuses new presence bindings then).
 */
export class AppListeners {
  readonly #supabase: Record<SupabaseEventName, ListenerSet<SupabasePresenceEvent>> = {
    sync: new ListenerSet(),
    join: new ListenerSet(),
    leave: new ListenerSet(),
  };
  readonly #broadcast = new Map<string, ListenerSet<unknown>>();

  /** Adds a Supabase presence listener. */
  onSupabase(
    event: SupabaseEventName,
    handler: (payload: SupabasePresenceEvent) => void,
  ): () => void {
    const set = this.#supabase[event];
    if (!set || typeof handler !== 'function') {
      throw new PresenceError(
        'INVALID_ARGUMENT',
        'onSupabasePresence',
        'event must be sync, join or leave',
      );
    }
    return set.add(handler);
  }

  /** Adds an app Broadcast listener. */
  onBroadcast(event: string, handler: (payload: unknown) => void): () => void {
    checkAppEvent(event, 'onBroadcast');
    let set = this.#broadcast.get(event);
    if (!set) this.#broadcast.set(event, (set = new ListenerSet()));
    return set.add(handler);
  }

  /** True when `event` has a listener. */
  hasSupabase(event: SupabaseEventName): boolean {
    return this.#supabase[event].size > 0;
  }

  /** Delivers a Supabase presence callback. */
  emitSupabase(event: SupabaseEventName, payload: SupabasePresenceEvent): void {
    this.#supabase[event].emit(payload);
  }

  /** Delivers an app Broadcast event. */
  emitBroadcast(event: string, payload: unknown): void {
    this.#broadcast.get(event)?.emit(payload);
  }
}
