/**
 * A set of listeners that are called in registration order. A throwing listener must not break
 * the engine (it runs inside frame handling), so its error is rethrown on a fresh task instead,
 * where it surfaces like any uncaught error.
 */
export class ListenerSet<T> {
  readonly #listeners = new Set<(value: T) => void>();

  /** How many listeners there are. */
  get size(): number {
    return this.#listeners.size;
  }

  /** Adds a listener; returns its remover. */
  add(listener: (value: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls every listener with `value`. */
  emit(value: T): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(value);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }
}
