/**
 * Which other members moved their cursor lately: the cursor model's estimate of how many share
 * the room's message budget. Only members are ever noted (the roster checks first), so the map
 * is bounded by the room.
 */
export class ActiveSenders {
  /** User id → our clock when we last heard their cursor. */
  readonly #heard = new Map<string, number>();

  /** Notes a signal from `userId` now. */
  heard(userId: string, now: number): void {
    // Re-inserted, so the map stays in order of last signal and pruning stops at the first fresh one.
    this.#heard.delete(userId);
    this.#heard.set(userId, now);
  }

  /** How many were heard within `windowMs` of `now`; older ones are dropped. */
  count(now: number, windowMs: number): number {
    for (const [userId, at] of this.#heard) {
      if (now - at < windowMs) break;
      this.#heard.delete(userId);
    }
    return this.#heard.size;
  }

  /** When the longest-silent one stops counting, or `undefined` when none counts. */
  nextExpiry(windowMs: number): number | undefined {
    for (const at of this.#heard.values()) return at + windowMs;
    return undefined;
  }

  clear(): void {
    this.#heard.clear();
  }
}
