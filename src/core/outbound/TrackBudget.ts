/**
 * The client-side budget for presence `track` calls on one channel join.
 *
 * Supabase shuts a channel down on the 6th presence call inside 30 s per join. The budget allows
 * `maxCalls` inside any `windowMs` (default 4 of 30 s, keeping one of the server's 5 slots spare)
 * and also spaces calls at least `windowMs / maxCalls` apart, so a burst of changes cannot spend
 * the whole window at once: the first change tracks at once, the rest share one trailing track.
 * Pure: the caller passes the clock.
 */
export class TrackBudget {
  #sent: number[] = [];
  /** Minimum gap between two tracks. */
  readonly minGapMs: number;

  constructor(
    readonly maxCalls: number,
    readonly windowMs: number,
  ) {
    if (!Number.isInteger(maxCalls) || maxCalls < 1 || !(windowMs > 0)) {
      throw new RangeError('trackBudget needs maxCalls >= 1 and windowMs > 0');
    }
    this.minGapMs = windowMs / maxCalls;
  }

  /** Forgets all calls: a new channel join starts a new server window. */
  reset(): void {
    this.#sent = [];
  }

  /** Milliseconds until the next call is allowed (0 = now). */
  delayAt(now: number): number {
    this.#prune(now);
    const last = this.#sent[this.#sent.length - 1];
    if (last === undefined) return 0;
    let at = last + this.minGapMs;
    if (this.#sent.length >= this.maxCalls) {
      at = Math.max(
        at,
        (this.#sent[this.#sent.length - this.maxCalls] as number) + this.windowMs + 1,
      );
    }
    return Math.max(0, at - now);
  }

  /** Records a call made at `now`. */
  record(now: number): void {
    this.#prune(now);
    this.#sent.push(now);
  }

  /** Calls made inside the window ending at `now`. */
  usedAt(now: number): number {
    this.#prune(now);
    return this.#sent.length;
  }

  #prune(now: number): void {
    // A call exactly `windowMs` ago still counts: no closed 30 s window ever holds more than maxCalls.
    while (this.#sent.length > 0 && (this.#sent[0] as number) < now - this.windowMs)
      this.#sent.shift();
  }
}
