/** Defaults of the live cursor model. */
export const CURSOR_DEFAULTS = Object.freeze({
  /**
   * The room's cursor traffic budget, in messages per second (each send counts once, and each
   * delivery once more): half of Supabase Free's project budget of 100, the rest left to the app.
   */
  messagesPerSecond: 50,
  /** The shortest gap between two of our sends (25 per second at most). */
  minIntervalMs: 40,
  /** A member counts as moving for this long after their last cursor signal (or two intervals). */
  activeMs: 1000,
});

/** A pointer position normalised to 0 … 1 across the shared surface; `null` while hidden. */
export type CursorPosition = { readonly x: number; readonly y: number } | null;

/** What the cursor model reads of an occupant: its user id and the presence status. */
export interface CursorOccupant {
  readonly userId: string;
  /** `'leaving'` (or the occupant gone) removes its cursor at once. */
  readonly status: string;
  /** Their tabs and devices: each one receives our sends. Absent counts as one. */
  readonly connections?: readonly unknown[];
}

/**
 * What the cursor model needs of a room: an engine `Room` fits as is. Kept structural so the
 * model runs anywhere (a simulated bot, a test) without the engine.
 */
export interface CursorRoom<O extends CursorOccupant = CursorOccupant> {
  readonly store: {
    getState(): {
      readonly selfId: string;
      /**
       * The room's connection: the model asks for cursors at rest each time it becomes
       * `'subscribed'`. Absent: the room counts as subscribed from the start.
       */
      readonly status?: string;
      /** Distinct users present, self included. */
      readonly occupancy: number;
      /** Every occupant; their connections are who a send is delivered to. */
      readonly occupants: Iterable<O> & { get(userId: string): O | undefined };
    };
    subscribe(listener: () => void): () => void;
  };
  onBroadcast(event: string, handler: (payload: unknown) => void): () => void;
  sendBroadcast(event: string, payload: Record<string, unknown>): Promise<void>;
  subscribeUser(userId: string, listener: () => void): () => void;
}

/** Options of `createCursors`, `useCursors` and `useCursor`. */
export interface CursorOptions {
  /** The room's cursor budget in messages per second (sends plus deliveries). @default 50 */
  messagesPerSecond?: number | undefined;
  /** The shortest gap between two of our sends, in ms. @default 40 */
  minIntervalMs?: number | undefined;
}

/** Another member's visible cursor. A new object on every move. */
export interface Cursor<O extends CursorOccupant = CursorOccupant> {
  readonly userId: string;
  /** Their occupant record (for the profile: name, colour). */
  readonly occupant: O;
  /** 0 … 1 across the surface, left to right. */
  readonly x: number;
  /** 0 … 1 across the surface, top to bottom. */
  readonly y: number;
}

/** The cursor model's state; a new object only when membership or the send interval changes. */
export interface CursorSnapshot {
  /** Users whose cursor is visible, in the order they appeared; a new array only on change. */
  readonly userIds: readonly string[];
  /**
   * Our current gap between sends, in ms: `max(minIntervalMs, 1000 × movers × connections ÷
   * messagesPerSecond)`, movers counting us, connections counting every tab of every member.
   */
  readonly sendIntervalMs: number;
}

/** A room's live cursors and our own. */
export interface CursorsModel<O extends CursorOccupant = CursorOccupant> {
  getSnapshot(): CursorSnapshot;
  /** One user's visible cursor, or `undefined` (hidden, gone, or never shown). */
  getCursor(userId: string): Cursor<O> | undefined;
  /** Calls `listener` when a cursor appears or goes, or the send interval changes. */
  subscribe(listener: () => void): () => void;
  /** Calls `listener` on every change of `userId`'s cursor (a move, appearing, going). */
  subscribeCursor(userId: string, listener: () => void): () => void;
  /**
   * Our pointer, normalised to 0 … 1 (values outside are clamped), or `null` to hide it. Moves
   * between sends coalesce; the last one is always sent.
   */
  move(position: CursorPosition): void;
  /** Hides our cursor for the others (one last send) and stops listening. */
  destroy(): void;
}
