import type { UserState } from '../types.js';
import type { OccupantWriter } from './OccupantWriter.js';

/**
 * While our own socket reconnects we cannot tell who is still there: everyone else is marked
 * `stale`, and the next `presence_state` confirms whoever it still lists, with no events.
 */
export class StaleMarks<S extends UserState> {
  readonly #stale = new Set<string>();
  readonly #writer: OccupantWriter<S>;

  constructor(writer: OccupantWriter<S>) {
    this.#writer = writer;
  }

  /** Our socket is down: everyone else online becomes `stale`. */
  mark(): void {
    for (const userId of this.#writer.store.committedUserIds()) {
      const occupant = this.#writer.get(userId);
      if (!occupant || occupant.isSelf || occupant.status !== 'online') continue;
      this.#stale.add(userId);
      this.#writer.put(userId, 'stale', occupant.connections, occupant);
    }
  }

  /** A full sync arrived: whoever is still `stale` is confirmed present. O(stale users). */
  reconcile(): void {
    for (const userId of this.#stale) {
      const occupant = this.#writer.get(userId);
      if (occupant?.status === 'stale')
        this.#writer.put(userId, 'online', occupant.connections, occupant);
    }
    this.#stale.clear();
  }

  /** `userId` was seen in presence again: no longer in doubt. */
  forget(userId: string): void {
    this.#stale.delete(userId);
  }
}
