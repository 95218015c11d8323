import type { CursorSignal } from './cursorSignal.js';
import type { Cursor, CursorOccupant, CursorRoom } from './cursorTypes.js';

interface Entry<O extends CursorOccupant> {
  cursor: Cursor<O>;
  /** The tab whose pointer is shown: another tab's hide does not hide it. */
  tab: string;
  readonly unsubscribe: () => void;
}

/**
 * Others' cursors: one per user (the latest signal wins, whichever tab sent it), only for users
 * in the room and not leaving, so a client cannot draw cursors for people who are not there.
 * Each entry follows its occupant record: a leave removes the cursor at once, a rename shows.
 */
export class CursorRoster<O extends CursorOccupant> {
  readonly #entries = new Map<string, Entry<O>>();
  #userIds: readonly string[] = [];
  readonly #room: CursorRoom<O>;
  /** Called after a change of `userId`'s cursor; `joined` when the set of cursors changed. */
  readonly #onChange: (userId: string, joined: boolean) => void;

  constructor(room: CursorRoom<O>, onChange: (userId: string, joined: boolean) => void) {
    this.#room = room;
    this.#onChange = onChange;
  }

  /** Users with a visible cursor, in the order they appeared. */
  get userIds(): readonly string[] {
    return this.#userIds;
  }

  get(userId: string): Cursor<O> | undefined {
    return this.#entries.get(userId)?.cursor;
  }

  /**
   * The occupant a signal from `userId` may speak for: another member, not leaving. Anyone else's
   * signals (non-members, our own other tabs) are not cursors and must not count as movers.
   */
  memberOf(userId: string): O | undefined {
    const { selfId, occupants } = this.#room.store.getState();
    if (userId === selfId) return undefined;
    const occupant = occupants.get(userId);
    return occupant === undefined || occupant.status === 'leaving' ? undefined : occupant;
  }

  /** Applies a signal from `occupant` (see {@link memberOf}). */
  receive({ userId, tab, position }: CursorSignal, occupant: O): void {
    const entry = this.#entries.get(userId);
    if (position === null) {
      if (entry?.tab === tab) this.#remove(userId);
      return;
    }
    const cursor: Cursor<O> = { userId, occupant, x: position.x, y: position.y };
    if (entry !== undefined) {
      entry.cursor = cursor;
      entry.tab = tab;
      return this.#onChange(userId, false);
    }
    const unsubscribe = this.#room.subscribeUser(userId, () => this.#occupantChanged(userId));
    this.#entries.set(userId, { cursor, tab, unsubscribe });
    this.#publish(userId);
  }

  destroy(): void {
    for (const entry of this.#entries.values()) entry.unsubscribe();
    this.#entries.clear();
    this.#userIds = [];
  }

  #occupantChanged(userId: string): void {
    const entry = this.#entries.get(userId);
    if (entry === undefined) return;
    const occupant = this.#room.store.getState().occupants.get(userId);
    if (occupant === undefined || occupant.status === 'leaving') return this.#remove(userId);
    if (occupant === entry.cursor.occupant) return;
    entry.cursor = { ...entry.cursor, occupant };
    this.#onChange(userId, false);
  }

  #remove(userId: string): void {
    const entry = this.#entries.get(userId);
    if (entry === undefined) return;
    entry.unsubscribe();
    this.#entries.delete(userId);
    this.#publish(userId);
  }

  #publish(userId: string): void {
    this.#userIds = Array.from(this.#entries.keys());
    this.#onChange(userId, true);
  }
}
