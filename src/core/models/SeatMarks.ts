/**
 * The seats a change touched, each listed once in the order first touched: an array and flags
 * rather than a `Set`, because `Set.prototype.clear()` calls into the engine's runtime, and that
 * call cost more than the rest of a seat model flush.
 */
export class SeatMarks {
  /** The touched seats' indices; read, then {@link reset}. */
  readonly list: number[] = [];
  readonly #marked: Uint8Array;

  constructor(seatCount: number) {
    this.#marked = new Uint8Array(seatCount);
  }

  /** Lists seat `index`, unless it is listed already. */
  mark(index: number): void {
    if (this.#marked[index] === 1) return;
    this.#marked[index] = 1;
    this.list.push(index);
  }

  /** Empties the list. */
  reset(): void {
    const { list } = this;
    for (let at = 0; at < list.length; at += 1) this.#marked[list[at] as number] = 0;
    list.length = 0;
  }
}
