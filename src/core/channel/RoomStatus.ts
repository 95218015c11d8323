import type { UserState } from '../types.js';
import type { LifecycleDeps } from './LifecycleDeps.js';
import { NamedTimers } from './NamedTimers.js';

/** The statuses the lifecycle commits by itself (`subscribed` comes with the join's writes). */
type LostStatus = 'reconnecting' | 'closed' | 'error';

/**
 * How a room's connection status reaches its store, and what others look like while we are
 * away (and once we are back): each change is one committed batch, then the owner hears of it; when we lose the channel
 * everyone else turns `stale` (at once, or after `staleAfterMs` unless a full sync comes first).
 */
export class RoomStatus<S extends UserState> {
  readonly #timers = new NamedTimers<'stale'>();
  #synced = false;
  readonly #deps: Pick<
    LifecycleDeps<S>,
    'batch' | 'store' | 'reconciler' | 'staleAfterMs' | 'onStatusChange'
  >;

  constructor(
    deps: Pick<
      LifecycleDeps<S>,
      'batch' | 'store' | 'reconciler' | 'staleAfterMs' | 'onStatusChange'
    >,
  ) {
    this.#deps = deps;
  }

  /** Commits `status`, with `also` in the same batch, then tells the owner. */
  commit(status: LostStatus, also?: () => void): void {
    this.#deps.batch(() => {
      also?.();
      this.#deps.store.setStatus(status);
    });
    this.#deps.onStatusChange();
  }

  /** The channel dropped or was shut down: commits `status`; others turn stale now or later. */
  lost(status: 'reconnecting' | 'closed', also?: () => void): void {
    const { staleAfterMs, reconciler } = this.#deps;
    this.commit(status, () => {
      also?.();
      if (staleAfterMs <= 0) reconciler.markStale();
    });
    if (staleAfterMs > 0 && !this.#timers.has('stale'))
      this.#timers.set('stale', staleAfterMs, () => this.#deps.batch(() => reconciler.markStale()));
  }

  /** We are subscribed again: nobody turns stale for this loss. */
  back(): void {
    this.#timers.clear('stale');
  }

  /**
   * A full sync arrived (inside its batch): who is still stale is confirmed present, and the
   * first one is the room's SNAPSHOT.
   */
  confirmed(): void {
    this.#timers.clear('stale');
    this.#deps.reconciler.reconcileStale();
    if (!this.#synced) this.#deps.store.markSnapshot();
    this.#synced = true;
  }

  /** Stops the stale timer (the room closes for good). */
  dispose(): void {
    this.#timers.clearAll();
  }
}
