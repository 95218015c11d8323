import { isPresenceError, PresenceError } from '../core/index.js';
import type { JoinOptions, Presence, Room, UserState } from '../core/index.js';
import { leaseRoom, type PresenceSource } from './leaseRoom.js';

/** What a provider currently points at. Both `null` on the server and before the first effect. */
export interface RoomSnapshot<S extends UserState = UserState> {
  readonly presence: Presence<S> | null;
  readonly room: Room<S> | null;
  /** Why there is no room: the engine refused the join before it had one (bad channel name, ...). */
  readonly error: PresenceError | null;
}

const disconnected: RoomSnapshot<never> = { presence: null, room: null, error: null };

/**
 * One per provider: an external store of "which presence and room am I bound to", so the provider
 * can read it with `useSyncExternalStore` and connect from an effect (never during render).
 */
export class RoomBinding<S extends UserState = UserState> {
  #snapshot: RoomSnapshot<S> = disconnected;
  readonly #listeners = new Set<() => void>();
  #waiters: Array<(snapshot: RoomSnapshot<S>) => boolean> = [];

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): RoomSnapshot<S> => this.#snapshot;

  /** Leases the room; the returned function gives the lease back (safe to call twice). */
  connect(source: PresenceSource<S>, channelName: string, joinOptions: JoinOptions<S>): () => void {
    const lease = leaseRoom(source, channelName, joinOptions);
    let active = true;
    this.#publish(lease.presence, null, null);
    lease.room.then(
      (room) => active && this.#publish(lease.presence, room, null),
      (error: unknown) => active && this.#publish(lease.presence, null, asPresenceError(error)),
    );
    return () => {
      active = false;
      lease.release();
    };
  }

  /**
   * Resolves with `pick(snapshot)` as soon as it is not `null` (never, on the server). Rejects
   * with the join's error once the engine refused the join without a room, since that value will
   * then never come: a waiter must not hang.
   */
  when<T>(pick: (snapshot: RoomSnapshot<S>) => T | null): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = (snapshot: RoomSnapshot<S>): boolean => {
        const value = pick(snapshot);
        if (value !== null) resolve(value);
        else if (snapshot.error !== null) reject(snapshot.error);
        else return false;
        return true;
      };
      if (!settle(this.#snapshot)) this.#waiters.push(settle);
    });
  }

  #publish(presence: Presence<S>, room: Room<S> | null, error: PresenceError | null): void {
    const current = this.#snapshot;
    if (current.presence === presence && current.room === room && current.error === error) return;
    const next: RoomSnapshot<S> = { presence, room, error };
    this.#snapshot = next;
    this.#waiters = this.#waiters.filter((settle) => !settle(next));
    for (const listener of this.#listeners) listener();
  }
}

function asPresenceError(error: unknown): PresenceError {
  if (isPresenceError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new PresenceError('OPERATION_FAILED', 'join', reason, { cause: error });
}
