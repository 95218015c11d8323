import { RemotePayloadError } from './RemotePayloadError.js';

/** Dropped payloads are summed up over this window (ms). */
export const REJECTION_WINDOW_MS = 1000;

/**
 * Coalesces reports of dropped remote payloads. The first drop is reported at once; later drops
 * inside the window are counted and reported as one error at its end (with the latest reason),
 * so a flood of 300 forged frames gives two error events, not 300, and no store writes at all.
 */
export class RejectionReporter {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #count = 0;
  #lastReason = '';
  readonly #prefix: string;
  readonly #report: (error: RemotePayloadError) => void;
  readonly #windowMs: number;

  constructor(
    prefix: string,
    report: (error: RemotePayloadError) => void,
    windowMs: number = REJECTION_WINDOW_MS,
  ) {
    this.#prefix = prefix;
    this.#report = report;
    this.#windowMs = windowMs;
  }

  /** One payload was dropped for `reason`. */
  reject(reason: string): void {
    if (this.#timer === null) {
      this.#report(new RemotePayloadError(`${this.#prefix}: ${reason}`, 1));
      this.#timer = setTimeout(() => this.#flush(), this.#windowMs);
      return;
    }
    this.#count += 1;
    this.#lastReason = reason;
  }

  /** Stops the window; drops counted but not yet reported are reported now. */
  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#emitCounted();
  }

  #flush(): void {
    this.#timer = null;
    // Keep coalescing while the flood goes on: at most one report per window.
    if (this.#emitCounted()) this.#timer = setTimeout(() => this.#flush(), this.#windowMs);
  }

  #emitCounted(): boolean {
    if (this.#count === 0) return false;
    const count = this.#count;
    this.#count = 0;
    const reason = `${this.#prefix}: ${count} more remote payloads dropped (latest: ${this.#lastReason})`;
    this.#report(new RemotePayloadError(reason, count));
    return true;
  }
}
