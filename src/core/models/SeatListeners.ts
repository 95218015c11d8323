import { KeyedSubscribers } from './KeyedSubscribers.js';

/** Which seat a per-seat listener follows: an index, or `'mine'` (ours, wherever it is). */
export type SeatKey = number | 'mine';

/**
 * The seat model's subscribers: those told of every change (`subscribe`), and those told only
 * of one seat's (`subscribeSeat`), so a change to one seat wakes that seat's view and not the
 * others: the work per change stays the same however many seats are shown.
 */
export class SeatListeners {
  readonly #all = new Set<() => void>();
  readonly #bySeat = new KeyedSubscribers<SeatKey>();

  /** Calls `listener` after every change. */
  subscribe(listener: () => void): () => void {
    this.#all.add(listener);
    return () => this.#all.delete(listener);
  }

  /** Calls `listener` after a change to seat `index` (`'mine'`: our seat, or which one it is). */
  subscribeSeat(index: SeatKey, listener: () => void): () => void {
    return this.#bySeat.subscribe(index, listener);
  }

  /**
   * Tells everyone of a new snapshot, then each changed seat's own listeners, then ours when our
   * seat changed or we moved (`before` and `after` are our seat's index before and after).
   */
  publish(changed: readonly number[], before: number | null, after: number | null): void {
    if (changed.length === 0) return;
    // Copies: a listener may unsubscribe (or subscribe) while we call them.
    for (const listener of [...this.#all]) listener();
    for (const index of changed) this.#call(index);
    if (before !== after || (after !== null && changed.includes(after))) this.#call('mine');
  }

  #call(key: SeatKey): void {
    this.#bySeat.notify(key);
  }

  clear(): void {
    this.#all.clear();
    this.#bySeat.clear();
  }
}
