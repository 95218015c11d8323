/**
 * Every timer a simulation starts goes through one of these, so stopping the simulation (a story
 * unmounting) clears them all at once and nothing fires into a torn-down room.
 */
export class Timers {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();
  private readonly repeating = new Set<ReturnType<typeof setInterval>>();
  private stopped = false;

  /** Runs `fn` once after `ms`, unless cleared first. */
  after(ms: number, fn: () => void): () => void {
    if (this.stopped) return () => undefined;
    const id = setTimeout(() => {
      this.pending.delete(id);
      fn();
    }, ms);
    this.pending.add(id);
    return () => {
      clearTimeout(id);
      this.pending.delete(id);
    };
  }

  /** Runs `fn` every `ms` until cleared. */
  every(ms: number, fn: () => void): () => void {
    if (this.stopped) return () => undefined;
    const id = setInterval(fn, ms);
    this.repeating.add(id);
    return () => {
      clearInterval(id);
      this.repeating.delete(id);
    };
  }

  /** Live timers (tests and the harness' own checks). */
  get size(): number {
    return this.pending.size + this.repeating.size;
  }

  /** Clears everything; later `after`/`every` calls are no-ops. */
  stop(): void {
    this.stopped = true;
    for (const id of this.pending) clearTimeout(id);
    for (const id of this.repeating) clearInterval(id);
    this.pending.clear();
    this.repeating.clear();
  }
}
