import type { CursorOccupant } from './cursorTypes.js';

/** What `CursorReceivers` reads of the room: its users and their connections. */
export interface CursorAudience {
  /** Distinct users present, self included. */
  readonly occupancy: number;
  /** Every occupant; a new table whenever one of them (or their connections) changed. */
  readonly occupants: Iterable<CursorOccupant>;
}

/**
 * How many connections a cursor send reaches, ours included: Broadcast delivers to every tab of
 * every user, so a room of 3 users with 2 tabs each costs 6 messages a send, not 3. Counting
 * walks the whole room, so it runs at most once per `gapMs` (and only after the table changed);
 * in between, users who come and go count at once, with the extra tabs of the last count.
 */
export class CursorReceivers {
  #counted: unknown;
  #countedAt = Number.NEGATIVE_INFINITY;
  /** Connections beyond one per user at the last count. */
  #extraTabs = 0;

  /** The receivers of a send now (at least 1: ourselves). */
  count(audience: CursorAudience, now: number, gapMs: number): number {
    const { occupancy, occupants } = audience;
    if (occupants !== this.#counted && now - this.#countedAt >= gapMs) {
      this.#counted = occupants;
      this.#countedAt = now;
      let connections = 0;
      // An occupant with no connection listed (a record made elsewhere) is one receiver.
      for (const occupant of occupants)
        connections += Math.max(1, occupant.connections?.length ?? 1);
      this.#extraTabs = Math.max(0, connections - occupancy);
    }
    return Math.max(1, occupancy + this.#extraTabs);
  }
}
