import { seatError } from './seatError.js';
import type { ResolvedSeatOptions } from './seatOptions.js';
import { SPEAKING_LEVEL_EVENT } from './seatState.js';
import type { SeatOccupant, SeatRoom } from './seatTypes.js';
import { SpeakingLevels, SpeakingLevelSender, validLevel } from './SpeakingLevels.js';

const ignore = (): void => {};

/** What the signals tell the seat model. */
export interface SeatSignalHooks {
  /** Whether a user's levels are worth keeping (they claim a seat). */
  admits(userId: string): boolean;
  /** A user's level changed. */
  changed(userId: string): void;
  /** The page is going away (a reload may follow). */
  markLeft(): void;
}

/**
 * The seat model's Broadcast side: our level reports out (throttled), everyone's in (validated,
 * fading), and the page-hide mark that lets a reload keep its seat.
 */
export class SeatSignals<O extends SeatOccupant> {
  readonly levels: SpeakingLevels;
  readonly #sender: SpeakingLevelSender;
  readonly #stops: Array<() => void> = [];
  readonly #selfId: string;
  readonly #hooks: SeatSignalHooks;

  constructor(
    room: SeatRoom<O>,
    selfId: string,
    options: ResolvedSeatOptions,
    hooks: SeatSignalHooks,
  ) {
    this.#selfId = selfId;
    this.#hooks = hooks;
    this.levels = new SpeakingLevels(options.fadeMs, hooks.changed);
    const send = (l: number) =>
      void room.sendBroadcast(SPEAKING_LEVEL_EVENT, { u: selfId, l }).catch(ignore);
    this.#sender = new SpeakingLevelSender(
      { send, now: options.now },
      options.levelIntervalMs,
      options.threshold,
    );
    this.#stops.push(room.onBroadcast(SPEAKING_LEVEL_EVENT, (payload) => this.#receive(payload)));
    if (typeof window !== 'undefined') {
      const onHide = () => hooks.markLeft();
      window.addEventListener('pagehide', onHide);
      this.#stops.push(() => window.removeEventListener('pagehide', onHide));
    }
  }

  /** Our own level: shown on our seat at once, sent at most 4 times a second. */
  report(level: unknown, muted: boolean): void {
    const value = validLevel(level);
    if (value === null) {
      throw seatError('INVALID_ARGUMENT', 'setSpeakingLevel', 'level must be a number in 0 … 1');
    }
    if (muted) {
      this.levels.clear(this.#selfId);
      return;
    }
    this.levels.set(this.#selfId, value);
    this.#sender.report(value);
  }

  destroy(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#sender.destroy();
    this.levels.destroy();
  }

  /** Someone's report: hostile until checked (any id, any value). */
  #receive(payload: unknown): void {
    if (typeof payload !== 'object' || payload === null) return;
    const { u, l } = payload as Record<string, unknown>;
    if (typeof u !== 'string' || u === this.#selfId || !this.#hooks.admits(u)) return;
    const level = validLevel(l);
    if (level !== null) this.levels.set(u, level);
  }
}
