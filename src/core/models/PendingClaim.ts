import type { PresenceError } from '../facade/PresenceError.js';

/**
 * A seat claim waiting to stand: it resolves once it has been the seat's winner for `settleMs`
 * (time for a rival claim made at the same moment to arrive), and rejects as soon as it loses.
 */
export class PendingClaim {
  readonly promise: Promise<void>;
  /** True once the settle window has passed while the claim was winning. */
  settled = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #done = false;
  #settle!: () => void;
  #fail!: (error: PresenceError) => void;

  constructor(
    readonly index: number,
    readonly at: number,
    /** The action that made the claim (`takeSeat`, `moveSeat`), named in its rejection. */
    readonly operation: string,
  ) {
    this.promise = new Promise<void>((resolve, reject) => {
      this.#settle = resolve;
      this.#fail = reject;
    });
  }

  /** Starts the settle window once (the first time the claim is seen winning). */
  startSettling(settleMs: number, onSettled: () => void): void {
    if (this.#timer !== null || this.settled || this.#done) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.settled = true;
      onSettled();
    }, settleMs);
  }

  resolve(): void {
    if (this.#finish()) this.#settle();
  }

  reject(error: PresenceError): void {
    if (this.#finish()) this.#fail(error);
  }

  #finish(): boolean {
    if (this.#done) return false;
    this.#done = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    return true;
  }
}
