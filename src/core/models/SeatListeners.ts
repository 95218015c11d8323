/** Which seat a per-seat listener follows: an index, or `'mine'` (ours, wherever it is). */
export type SeatKey = number | 'mine';

/**
 * The seat model's subscribers: those told of every change (`subscribe`), and those told only
 * of one seat's (`subscribeSeat`), so a change to one seat wakes that seat's view and not the
 * others: the work per change stays the same however many seats are shown.
 */
export class SeatListeners {
  readonly #all = new Set<() => void>();
  readonly #bySeat = new Map<SeatKey, Set<() => void>>();

  /** Calls `listener` after every change. */
  subscribe(listener: () => void): () => void {
    this.#all.add(listener);
    return () => this.#all.delete(listener);
  }

  /** Calls `listener` after a change to seat `index` (`'mine'`: our seat, or which one it is). */
  subscribeSeat(index: SeatKey, listener: () => void): () => void {
    let set = this.#bySeat.get(index);
    if (set === undefined) this.#bySeat.set(index, (set = new Set()));
    set.add(listener);
    const seat = set;
    return () => {
      seat.delete(listener);
      if (seat.size === 0 && this.#bySeat.get(index) === seat) this.#bySeat.delete(index);
    };
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
    const seat = this.#bySeat.get(key);
    if (seat !== undefined) for (const listener of [...seat]) listener();
  }

  clear(): void {
    this.#all.clear();
    this.#bySeat.clear();
  }
}
