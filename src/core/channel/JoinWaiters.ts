import type { PresenceError } from '../facade/PresenceError.js';

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: PresenceError): void;
}

function deferred(): Deferred {
  let settle: Pick<Deferred, 'resolve' | 'reject'> | undefined;
  const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...(settle as Pick<Deferred, 'resolve' | 'reject'>) };
}

/**
 * The promises of a room's first join and of a rejoin after a shutdown, settled by the channel's
 * statuses: both resolve once subscribed and synced.
 */
export class JoinWaiters {
  private joining: Deferred | null = null;
  private rejoining: Deferred | null = null;

  /** The first join, until it settles. */
  get joinPending(): boolean {
    return this.joining !== null;
  }

  /** A rejoin in flight, if any. */
  get rejoin(): Promise<void> | null {
    return this.rejoining?.promise ?? null;
  }

  /** Any join waits for the channel. */
  get pending(): boolean {
    return this.joining !== null || this.rejoining !== null;
  }

  startJoin(): Promise<void> {
    return (this.joining = deferred()).promise;
  }

  startRejoin(): Promise<void> {
    return (this.rejoining = deferred()).promise;
  }

  resolveAll(): void {
    this.settle((waiter) => waiter.resolve(), true);
  }

  rejectAll(error: PresenceError): void {
    this.settle((waiter) => waiter.reject(error), true);
  }

  rejectRejoin(error: PresenceError): void {
    this.settle((waiter) => waiter.reject(error), false);
  }

  private settle(run: (waiter: Deferred) => void, withJoin: boolean): void {
    const waiters = withJoin ? [this.joining, this.rejoining] : [this.rejoining];
    if (withJoin) this.joining = null;
    this.rejoining = null;
    for (const waiter of waiters) if (waiter) run(waiter);
  }
}
