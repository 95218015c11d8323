/** How many announced leaves are remembered; older ones are forgotten first. */
const MAX_ANNOUNCED = 1024;

/**
 * Flap debounce and leave-vs-timeout. A user whose last connection vanished waits here for
 * `debounceMs`; if they come back first the timer is cancelled and nobody sees a leave. When it
 * expires, the leave counts as graceful if any of their departed connections announced itself
 * with a proven `pk:leave` (before or after the presence leave: Supabase does not order the
 * two). Connections are named by presence ref, the identity the server assigned.
 */
export class LeaveDebouncer {
  readonly #pending = new Map<
    string,
    { timer: ReturnType<typeof setTimeout> | null; refs: string[] }
  >();
  readonly #announced = new Set<string>();
  readonly #debounceMs: number;
  readonly #expire: (userId: string, graceful: boolean) => void;

  constructor(debounceMs: number, expire: (userId: string, graceful: boolean) => void) {
    this.#debounceMs = debounceMs;
    this.#expire = expire;
  }

  /** Remembers that the connection `ref` is leaving on purpose. */
  announce(ref: string): void {
    this.#announced.delete(ref);
    this.#announced.add(ref);
    if (this.#announced.size > MAX_ANNOUNCED) {
      const oldest = this.#announced.values().next().value;
      if (oldest !== undefined) this.#announced.delete(oldest);
    }
  }

  /** The connection `ref` sent state after its goodbye: it is not leaving after all. */
  retract(ref: string): void {
    this.#announced.delete(ref);
  }

  /** True while `userId` is inside the debounce window. */
  isPending(userId: string): boolean {
    return this.#pending.has(userId);
  }

  /**
   * Starts the window for `userId`, whose last connections were `refs`. With
   * `debounceMs <= 0` it expires at once (inside the caller's batch).
   */
  start(userId: string, refs: readonly string[]): void {
    const entry = this.#pending.get(userId);
    if (entry) {
      entry.refs.push(...refs);
      return;
    }
    if (this.#debounceMs <= 0) {
      this.#expire(userId, this.#graceful(refs));
      return;
    }
    const record = {
      timer: null as ReturnType<typeof setTimeout> | null,
      refs: [...refs],
    };
    record.timer = setTimeout(() => {
      this.#pending.delete(userId);
      this.#expire(userId, this.#graceful(record.refs));
    }, this.#debounceMs);
    this.#pending.set(userId, record);
  }

  /** The user came back: no leave, no join. */
  cancel(userId: string): void {
    const entry = this.#pending.get(userId);
    if (!entry) return;
    if (entry.timer !== null) clearTimeout(entry.timer);
    this.#pending.delete(userId);
  }

  /** Stops every timer (the room is closing). */
  dispose(): void {
    for (const entry of this.#pending.values()) if (entry.timer !== null) clearTimeout(entry.timer);
    this.#pending.clear();
    this.#announced.clear();
  }

  #graceful(refs: readonly string[]): boolean {
    let graceful = false;
    for (const id of refs) {
      if (this.#announced.delete(id)) graceful = true;
    }
    return graceful;
  }
}
