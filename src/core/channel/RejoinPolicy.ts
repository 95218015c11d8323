/** What a shutdown (or a refused rejoin) says about coming back, read from the server's reason. */
export type ShutdownCause = 'rate-limit' | 'token' | 'other';

// The real server's messages (see docs/protocol.md): tenant-wide and per-join rate limits, and
// join refusals for the join rate. All pass once traffic calms down.
const RATE_LIMITED = [
  'Too many messages per second',
  'Too many presence messages per second',
  'Client presence rate limit exceeded',
  'Too many joins per second',
];

/** Classifies a shutdown or join-refusal reason. */
export function shutdownCause(reason: string): ShutdownCause {
  if (RATE_LIMITED.some((message) => reason.includes(message))) return 'rate-limit';
  if (reason.includes('Token has expired')) return 'token';
  return 'other';
}

/** The server's events limit is a 60 s average: shutdowns closer than this are one episode. */
const EPISODE_MS = 60_000;
const RATE_LIMIT_BASE_MS = 1000;
const MAX_DELAY_MS = 30_000;
/** A token expiry is retried at once with a fresh token, then twice more, then given up. */
const TOKEN_DELAYS_MS = [0, 1000, 4000];

/**
 * When a room rejoins by itself after a shutdown. Rate limits pass, so they are retried with
 * exponential backoff (1 s, 2 s, 4 s ... 30 s, with jitter so rooms shut down together do not
 * come back together and trip the limit again), for as long as the episode lasts. A token expiry
 * is retried a few times, each with a token made current first. Anything else (a revoked
 * permission, an oversized track) would only fail again: the room stays closed until the app
 * calls `rejoin()`. `schedule` runs the rejoin at that time.
 */
export class RejoinPolicy {
  #attempts = 0;
  #lastAt = Number.NEGATIVE_INFINITY;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #random: () => number;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  /** The delay before the next automatic rejoin after `reason`, or `null` for none. */
  next(reason: string, now: number): number | null {
    const cause = shutdownCause(reason);
    if (cause === 'other') return null;
    if (now - this.#lastAt > EPISODE_MS) this.#attempts = 0;
    this.#lastAt = now;
    const attempt = this.#attempts;
    this.#attempts += 1;
    if (cause === 'token') return TOKEN_DELAYS_MS[attempt] ?? null;
    const full = Math.min(MAX_DELAY_MS, RATE_LIMIT_BASE_MS * 2 ** Math.min(attempt, 16));
    return Math.round(full * (0.5 + this.#random() * 0.5));
  }

  /** Runs `rejoin` after the delay `next(reason)` gives, if any (replacing one pending). */
  schedule(reason: string, rejoin: () => void): void {
    this.cancel();
    const delay = this.next(reason, Date.now());
    if (delay === null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      rejoin();
    }, delay);
  }

  /** Drops a pending rejoin. */
  cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
