import { Subscribers } from './Subscribers.js';

/**
 * Listeners kept per key (a seat, a user's cursor), so a change to one key wakes that key's
 * views and no other: the work per change stays the same however many keys are shown. A key's
 * entry goes with its last listener, so the map holds only what someone is watching.
 */
export class KeyedSubscribers<K> {
  readonly #byKey = new Map<K, Subscribers>();

  /** Calls `listener` on every `notify(key)`; returns its remover. */
  subscribe(key: K, listener: () => void): () => void {
    let set = this.#byKey.get(key);
    if (set === undefined) this.#byKey.set(key, (set = new Subscribers()));
    const remove = set.subscribe(listener);
    const held = set;
    return () => {
      remove();
      if (held.size === 0 && this.#byKey.get(key) === held) this.#byKey.delete(key);
    };
  }

  /** Calls the listeners of `key` once each. */
  notify(key: K): void {
    this.#byKey.get(key)?.notify();
  }

  /** Drops every listener. */
  clear(): void {
    this.#byKey.clear();
  }
}
