/** A few one-shot timers by name: setting one again replaces it. */
export class NamedTimers<N extends string> {
  readonly #timers = new Map<N, ReturnType<typeof setTimeout>>();

  /** Runs `run` after `ms`, replacing a pending timer of the same name. */
  set(name: N, ms: number, run: () => void): void {
    this.clear(name);
    const timer = setTimeout(() => {
      this.#timers.delete(name);
      run();
    }, ms);
    this.#timers.set(name, timer);
  }

  has(name: N): boolean {
    return this.#timers.has(name);
  }

  clear(name: N): void {
    const timer = this.#timers.get(name);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(name);
  }

  clearAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
