import type { CursorPosition } from './cursorTypes.js';

/**
 * Our side of the cursors: at most one send per interval, the interval asked for afresh at each
 * send (it follows the room), moves in between coalesced into the latest, and that latest always
 * sent in the end (the trailing edge), so our cursor comes to rest where our pointer did.
 */
export class CursorSender {
  /** The position waiting for its send; `undefined` when nothing waits. */
  #pending: CursorPosition | undefined;
  /** What the others were last sent (so repeating it costs nothing). */
  #shown: CursorPosition = null;
  #lastSentAt = Number.NEGATIVE_INFINITY;
  /** Send the pending position even if it is what the others were last shown. */
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #send: (position: CursorPosition) => Promise<void>;
  readonly #intervalMs: () => number;

  constructor(send: (position: CursorPosition) => Promise<void>, intervalMs: () => number) {
    this.#send = send;
    this.#intervalMs = intervalMs;
  }

  move(position: CursorPosition): void {
    this.#pending = position;
    this.#flush();
  }

  /**
   * Sends what the others were last shown once more, at the usual pace: a newcomer has not seen
   * a cursor that is at rest, and Broadcast keeps nothing for them.
   */
  repeat(): void {
    if (this.#shown === null || this.#pending !== undefined) return;
    this.#pending = this.#shown;
    this.#again = true;
    this.#flush();
  }

  /** Stops sending; others are told to hide our cursor if they were shown it. */
  destroy(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
    if (this.#shown !== null) this.#emit(null, Date.now());
  }

  #flush(): void {
    const position = this.#pending;
    if (position === undefined || this.#timer !== undefined) return;
    if (!this.#again && same(position, this.#shown)) {
      this.#pending = undefined;
      return;
    }
    const now = Date.now();
    const wait = this.#lastSentAt + this.#intervalMs() - now;
    if (wait > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#flush();
      }, wait);
      return;
    }
    this.#pending = undefined;
    this.#emit(position, now);
  }

  #emit(position: CursorPosition, now: number): void {
    this.#shown = position;
    this.#again = false;
    this.#lastSentAt = now;
    // Cursors are ephemeral: a failed send (offline, not subscribed yet) is not worth an error;
    // the next move sends again.
    this.#send(position).catch(() => {
      if (same(this.#shown, position)) this.#shown = null;
    });
  }
}

function same(a: CursorPosition, b: CursorPosition): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y);
}
