/** Levels are kept to two decimals: finer steps would only re-render seats for nothing. */
export function quantizeLevel(level: number): number {
  return Math.round(level * 100) / 100;
}

/** A level from a remote payload: a finite number in 0 … 1, else `null` (ignored). */
export function validLevel(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) return null;
  return quantizeLevel(value);
}

/**
 * The last reported level of each speaker, each fading to 0 `fadeMs` after its last report (a
 * speaker who closes the tab mid-word must not stay lit). Only users the caller admits are kept,
 * so hostile ids cannot grow the map.
 */
export class SpeakingLevels {
  readonly #levels = new Map<string, number>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #fadeMs: number;
  readonly #onChange: (userId: string) => void;

  constructor(fadeMs: number, onChange: (userId: string) => void) {
    this.#fadeMs = fadeMs;
    this.#onChange = onChange;
  }

  /** The user's level now (0 when none or faded). */
  get(userId: string): number {
    return this.#levels.get(userId) ?? 0;
  }

  /** Records a report and restarts that user's fade. */
  set(userId: string, level: number): void {
    const previous = this.#timers.get(userId);
    if (previous !== undefined) clearTimeout(previous);
    if (level === 0) {
      this.clear(userId);
      return;
    }
    this.#timers.set(
      userId,
      setTimeout(() => this.clear(userId), this.#fadeMs),
    );
    if (this.#levels.get(userId) === level) return;
    this.#levels.set(userId, level);
    this.#onChange(userId);
  }

  /** Drops a user's level at once (fade, leave, mute). */
  clear(userId: string): void {
    const timer = this.#timers.get(userId);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(userId);
    if (!this.#levels.delete(userId)) return;
    this.#onChange(userId);
  }

  /** Stops every fade timer. */
  destroy(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#levels.clear();
  }
}

/** How the sender reaches the room. */
export interface LevelSenderIO {
  readonly send: (level: number) => void;
  readonly now: () => number;
}

/**
 * Throttles our level reports to one Broadcast per `intervalMs` (a trailing send carries the
 * newest level). Silence is sent once, not repeated: receivers fade a quiet speaker by
 * themselves, so a room of muted-but-seated people sends nothing.
 */
export class SpeakingLevelSender {
  #lastSentAt = -Infinity;
  #lastSent = 0;
  #pending: number | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #io: LevelSenderIO;
  readonly #intervalMs: number;
  readonly #threshold: number;

  constructor(io: LevelSenderIO, intervalMs: number, threshold: number) {
    this.#io = io;
    this.#intervalMs = intervalMs;
    this.#threshold = threshold;
  }

  /** Reports a level (already quantized). */
  report(level: number): void {
    if (level <= this.#threshold && this.#lastSent <= this.#threshold && this.#timer === null)
      return;
    this.#pending = level;
    const wait = this.#lastSentAt + this.#intervalMs - this.#io.now();
    if (wait <= 0) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), wait);
  }

  /** Cancels any trailing send. */
  destroy(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
  }

  #flush(): void {
    this.#timer = null;
    const level = this.#pending;
    this.#pending = null;
    if (level === null) return;
    this.#lastSentAt = this.#io.now();
    this.#lastSent = level;
    this.#io.send(level);
  }
}
