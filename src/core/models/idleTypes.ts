/** Defaults of the idle model. */
export const IDLE_DEFAULTS = Object.freeze({
  /** Away after this long without activity. */
  awayAfterMs: 60_000,
  /** The state key idle writes. */
  statusKey: 'status',
  /** The value it writes there when away. */
  awayValue: 'away',
  /**
   * Written with every status change idleness makes: `'away:<ms>'` or `'active:<ms>'` (our clock).
   * It tells an idleness `away` from one the user chose (left alone), and gives an active tab a
   * fresh value to write when it takes the user back from another tab's `away` (the user's state
   * is their most recently updated connection's, so it must be a real change).
   */
  markerKey: 'idle',
});

/** Whether this tab has seen activity within `awayAfterMs`. */
export type IdleStatus = 'active' | 'away';

/**
 * What the idle model needs: our own record with every connection under our key, so other tabs'
 * states count (an engine `Room`'s `store` fits), and our state
 * setters for that room (`useUserState()`'s actions, or `presence.setState` bound to a channel).
 */
export interface IdleTarget {
  readonly store: {
    getState(): {
      readonly self: {
        readonly connections: readonly {
          readonly state: Readonly<Partial<Record<string, string>>>;
          readonly updatedAt: number;
          readonly version: number;
        }[];
      } | null;
    };
    subscribe(listener: () => void): () => void;
  };
  setState(patch: Record<string, string>): Promise<void>;
  removeState(options: { states: string[] }): Promise<void>;
}

/** Where activity comes from: a function that calls `onActivity` and returns its remover. */
export type ActivitySource = (onActivity: () => void) => () => void;

/** Options of `createIdle` and `useIdle`. */
export interface IdleOptions {
  /** Away after this long without pointer, key or focus activity (or with the tab hidden). @default 60000 */
  awayAfterMs?: number;
  /** @default 'status' */
  statusKey?: string;
  /** @default 'away' */
  awayValue?: string;
  /**
   * Activity events. Default: the page's pointer, key, wheel, touch and focus events and the tab
   * becoming visible (nothing outside a browser); `false` for none (call `activity()` yourself).
   */
  activity?: ActivitySource | false;
}

/** This tab's idleness, and the status it writes. */
export interface IdleModel {
  getSnapshot(): IdleStatus;
  /** Calls `listener` when the snapshot changes; returns its remover. */
  subscribe(listener: () => void): () => void;
  /** Starts watching activity and the clock; returns `stop`. Idempotent while started. */
  start(): () => void;
  /** Reports activity by hand (a bot, a custom event). */
  activity(): void;
}
