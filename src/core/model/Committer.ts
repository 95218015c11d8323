import type { BatchFacts, BatchedStore } from './BatchedStore.js';
import type { UserState } from '../types.js';

/**
 * The one owner of a room's commits. Every stimulus that changes the room (a presence frame, a
 * `pk:` broadcast, a local state change, a status change, a timer) runs its writes through
 * `batch`; the outermost `batch` commits the store once and hands the batch's facts to the event
 * layer. A `batch` inside another (a leave that expires at once inside a frame) joins the outer
 * one, so a frame is still one store notification.
 */
export class Committer<S extends UserState> {
  #depth = 0;
  readonly #store: Pick<BatchedStore<S>, 'commit'>;
  readonly #publish: (facts: BatchFacts) => void;

  constructor(store: Pick<BatchedStore<S>, 'commit'>, publish: (facts: BatchFacts) => void) {
    this.#store = store;
    this.#publish = publish;
  }

  /** Runs `write` inside the open batch; commits when it is the outermost call. */
  batch(write: () => void): void {
    this.#depth += 1;
    try {
      write();
    } finally {
      this.#depth -= 1;
    }
    if (this.#depth === 0) this.#publish(this.#store.commit());
  }
}
