import {
  IDLE_DEFAULTS,
  type ActivitySource,
  type IdleStatus,
  type IdleTarget,
} from './idleTypes.js';
import { newestState } from '../model/occupantRecords.js';
import { Subscribers } from './Subscribers.js';

/** Settings the tracker runs with, defaults applied. */
export interface IdleSettings {
  readonly awayAfterMs: number;
  readonly key: string;
  readonly away: string;
  readonly source: ActivitySource | false;
}

const MARK = IDLE_DEFAULTS.markerKey;
/** Longest wait for another device's clock before taking the user back anyway. */
const MAX_SKEW_MS = 10_000;
const mark = (mode: IdleStatus) => `${mode}:${Date.now()}`;
const ignoreFailure = (promise: Promise<void>) => void promise.catch(() => undefined);

/**
 * One tab's idleness and the status writes it causes. The clock is checked lazily: activity only
 * stamps a time, and the one timer re-arms itself for the rest of the quiet period, so a stream of
 * pointer moves costs no timer churn.
 */
export class IdleTracker {
  readonly subscribers = new Subscribers();
  #mode: IdleStatus = 'active';
  #lastActivity = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #takeBackTimer: ReturnType<typeof setTimeout> | undefined;
  #stopWatching: (() => void) | undefined;
  /** What to put back: the last status seen that was not `away` (`undefined`: there was none). */
  #previous: string | undefined;
  readonly #target: IdleTarget;
  readonly #settings: IdleSettings;

  constructor(target: IdleTarget, settings: IdleSettings) {
    this.#target = target;
    this.#settings = settings;
  }

  get snapshot(): IdleStatus {
    return this.#mode;
  }

  start(): () => void {
    if (this.#stopWatching !== undefined) return this.#stopWatching;
    const status = this.#status();
    this.#previous = status === this.#settings.away ? undefined : status;
    const unsubscribe = this.#target.store.subscribe(() => this.#observe());
    const { source } = this.#settings;
    const unlisten = source === false ? undefined : source(() => this.activity());
    const stop = () => {
      clearTimeout(this.#timer);
      clearTimeout(this.#takeBackTimer);
      this.#timer = undefined;
      unsubscribe();
      unlisten?.();
      if (this.#stopWatching === stop) this.#stopWatching = undefined;
    };
    this.#stopWatching = stop;
    this.activity();
    return stop;
  }

  activity(): void {
    this.#lastActivity = Date.now();
    if (this.#stopWatching === undefined) return;
    this.#timer ??= setTimeout(() => this.#check(), this.#settings.awayAfterMs);
    if (this.#mode === 'active') return;
    this.#setMode('active');
    if (this.#idleAway()) this.#restore();
  }

  #check(): void {
    const quiet = Date.now() - this.#lastActivity;
    if (quiet < this.#settings.awayAfterMs) {
      this.#timer = setTimeout(() => this.#check(), this.#settings.awayAfterMs - quiet);
      return;
    }
    this.#timer = undefined;
    this.#setMode('away');
    // Already away (another tab, or the user's own choice): nothing to write, nothing to restore.
    const { key, away } = this.#settings;
    if (this.#status() !== away)
      ignoreFailure(this.#target.setState({ [key]: away, [MARK]: mark('away') }));
  }

  #observe(): void {
    const status = this.#status();
    if (status !== this.#settings.away) this.#previous = status;
    // Another tab went idle while this one is in use: the user is still here.
    else if (this.#mode === 'active' && this.#idleAway()) this.#takeBack();
  }

  /**
   * The user's state is their connection with the latest change by the sender's clock, so our
   * write must be stamped after the other tab's `away`: wait out the gap (same clock: at most a
   * millisecond; another device's clock ahead of ours: the skew, capped) and check again.
   */
  #takeBack(): void {
    const awayAt = Number(this.#userState()?.[MARK]?.slice(5));
    const wait = Number.isFinite(awayAt) ? awayAt - Date.now() + 1 : 0;
    if (wait <= 0) return this.#restore();
    clearTimeout(this.#takeBackTimer);
    this.#takeBackTimer = setTimeout(
      () => {
        if (this.#mode === 'active' && this.#idleAway()) this.#restore();
      },
      Math.min(wait, MAX_SKEW_MS),
    );
  }

  #restore(): void {
    const { key } = this.#settings;
    if (this.#previous === undefined) {
      ignoreFailure(this.#target.removeState({ states: [key] }));
      ignoreFailure(this.#target.setState({ [MARK]: mark('active') }));
    } else ignoreFailure(this.#target.setState({ [key]: this.#previous, [MARK]: mark('active') }));
  }

  /** The user's state as the room sees it: the newest of our connections, other tabs included. */
  #userState(): Readonly<Partial<Record<string, string>>> | undefined {
    const self = this.#target.store.getState().self;
    return self ? newestState(self.connections) : undefined;
  }

  #status(): string | undefined {
    return this.#userState()?.[this.#settings.key];
  }

  /** An away that idleness wrote (it carries the marker), as opposed to one the user chose. */
  #idleAway(): boolean {
    const state = this.#userState();
    return (
      state?.[this.#settings.key] === this.#settings.away && !!state[MARK]?.startsWith('away:')
    );
  }

  #setMode(next: IdleStatus): void {
    this.#mode = next;
    this.subscribers.notify();
  }
}
