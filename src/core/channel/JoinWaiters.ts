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

/** After SUBSCRIBED, how long a (re)join waits for the first `presence_state` before resolving. */
const SYNC_GRACE_MS = 5000;

/**
 * The promises of a room's first join and of a rejoin after a shutdown, settled by the channel's
 * statuses: both resolve once subscribed and synced (or `SYNC_GRACE_MS` after SUBSCRIBED when no
 * `presence_state` comes).
 */
export class JoinWaiters {
  #joining: Deferred | null = null;
  #rejoining: Deferred | null = null;
  /** A `presence_state` arrived since the current channel's join was sent. */
  #joinSynced = false;
  #grace: ReturnType<typeof setTimeout> | null = null;

  /** The first join, until it settles. */
  get joinPending(): boolean {
    return this.#joining !== null;
  }

  /** A rejoin in flight, if any. */
  get rejoin(): Promise<void> | null {
    return this.#rejoining?.promise ?? null;
  }

  /** Any join waits for the channel. */
  get pending(): boolean {
    return this.#joining !== null || this.#rejoining !== null;
  }

  startJoin(): Promise<void> {
    return (this.#joining = deferred()).promise;
  }

  startRejoin(): Promise<void> {
    return (this.#rejoining = deferred()).promise;
  }

  /** The current channel's join went out: its first `presence_state` is still to come. */
  joinSent(): void {
    this.#joinSynced = false;
  }

  /** SUBSCRIBED: resolves if synced already, else once synced or after the grace. */
  subscribed(): void {
    if (this.pending && !this.#joinSynced && this.#grace === null)
      this.#grace = setTimeout(() => this.resolveAll(), SYNC_GRACE_MS);
    if (this.#joinSynced) this.resolveAll();
  }

  /** A presence frame was applied (`up`: subscribed); a `presence_state` ends the join. */
  frame(fullSync: boolean, up: boolean): void {
    if (fullSync) this.#joinSynced = true;
    if (up && this.#joinSynced) this.resolveAll();
  }

  resolveAll(): void {
    this.#settle((waiter) => waiter.resolve(), true);
  }

  rejectAll(error: PresenceError): void {
    this.#settle((waiter) => waiter.reject(error), true);
  }

  rejectRejoin(error: PresenceError): void {
    this.#settle((waiter) => waiter.reject(error), false);
  }

  #settle(run: (waiter: Deferred) => void, withJoin: boolean): void {
    if (this.#grace !== null) clearTimeout(this.#grace);
    this.#grace = null;
    const waiters = withJoin ? [this.#joining, this.#rejoining] : [this.#rejoining];
    if (withJoin) this.#joining = null;
    this.#rejoining = null;
    for (const waiter of waiters) if (waiter) run(waiter);
  }
}
