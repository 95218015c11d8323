/**
 * Listeners of a model's snapshot, for `useSyncExternalStore` and vanilla callers. A throwing
 * listener must not stop the others (models run inside frame handling), so its error is rethrown
 * on a fresh task, where it surfaces like any uncaught error.
 */
export class Subscribers {
  readonly #listeners = new Set<() => void>();

  /** How many listeners there are. */
  get size(): number {
    return this.#listeners.size;
  }

  /** Adds a listener; returns its remover. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** Calls every listener once. */
  notify(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  /** Drops every listener. */
  clear(): void {
    this.#listeners.clear();
  }
}
