interface Entry<M> {
  readonly model: M;
  refs: number;
}

/**
 * Internal: models shared per room and key (one cursor model, one seat model…), however many
 * hooks and components read them: one set of subscriptions and one sender each. Keyed by the
 * room object, so nothing outlives it; a model is destroyed once its last holder lets go.
 */
export class ModelRegistry<M extends { destroy(): void }> {
  readonly #models = new WeakMap<object, Map<string, Entry<M>>>();
  readonly #listeners = new Set<() => void>();

  /** Calls `listener` whenever a model is made or destroyed (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };

  /** The model of `room` under `key`, or `null`. */
  peek(room: object | null, key: string): M | null {
    return room === null ? null : (this.#models.get(room)?.get(key)?.model ?? null);
  }

  /** Counts a holder of the model, making it with `create` on first use; returns the release. */
  acquire(room: object, key: string, create: () => M): () => void {
    let byKey = this.#models.get(room);
    if (byKey === undefined) this.#models.set(room, (byKey = new Map()));
    let entry = byKey.get(key);
    if (entry === undefined) {
      byKey.set(key, (entry = { model: create(), refs: 0 }));
      this.#notify();
    }
    const held = entry;
    const models = byKey;
    held.refs += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held.refs -= 1;
      // One microtask: StrictMode's effect replay re-acquires before then and keeps the model.
      queueMicrotask(() => {
        if (held.refs > 0 || models.get(key) !== held) return;
        models.delete(key);
        held.model.destroy();
        this.#notify();
      });
    };
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
