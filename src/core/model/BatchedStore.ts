import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { HashedOccupantTable } from './OccupantTable.js';
import type { PresenceError } from '../facade/PresenceError.js';
import { applyIdChanges } from './sortedIds.js';
import type { ConnectionStatus, Occupant, RoomState, UserState } from '../types.js';

/** What one committed batch changed, for the event layer. Recorded by the store's own writes. */
export interface BatchFacts {
  joined: string[];
  left: { userId: string; kind: LeaveKind }[];
  stateChanged: string[];
  /** The batch applied our join's first `presence_state`. */
  snapshot: boolean;
}

/** How an occupant left: announced with `pk:leave`, or gone without a word. */
export type LeaveKind = 'leave' | 'timeout';

/**
 * The room's zustand store plus batching. Every incoming frame (or timer, or local change) opens
 * one batch; its writes wait in one map by user (a frame's reads of its own writes are map
 * lookups, not trie walks); `commit()` puts them into one table draft and publishes them with a single
 * `setState`, then calls the keyed listeners of exactly the users whose record changed. The
 * batch's facts (who joined, left, changed state) are noted by the writes themselves, so no
 * other part keeps or edits them. Only the room's `Committer` calls `commit()`.
 */
export class BatchedStore<S extends UserState> {
  readonly store: StoreApi<RoomState<S>>;
  /** The open batch's writes by user: the new record, or `null` when removed. */
  #writes = new Map<string, Occupant<S> | null>();
  #patch: { status?: ConnectionStatus; lastError?: PresenceError } = {};
  #facts: BatchFacts = emptyFacts();
  readonly #userListeners = new Map<string, Set<() => void>>();
  readonly #selfId: string;

  constructor(channelName: string, selfId: string) {
    this.#selfId = selfId;
    this.store = createStore<RoomState<S>>()(() => ({
      channelName,
      status: 'idle',
      selfId,
      self: null,
      occupants: HashedOccupantTable.empty<S>(),
      userIds: [],
      occupancy: 0,
      lastError: null,
    }));
  }

  /** The occupant as the open batch sees it. */
  get(userId: string): Occupant<S> | undefined {
    const written = this.#writes.get(userId);
    if (written !== undefined) return written ?? undefined;
    const committed = this.store.getState().occupants;
    // A first presence_state reads 10,000 users nobody has: skip hashing each for an empty table.
    return committed.size === 0 ? undefined : committed.get(userId);
  }

  /** Writes an occupant; a no-op when it is the very same record. */
  put(occupant: Occupant<S>): void {
    this.write(occupant, this.get(occupant.userId));
  }

  /** `put` for a caller that already holds the batch's current record of that user. */
  write(occupant: Occupant<S>, previous: Occupant<S> | undefined): void {
    if (previous === occupant) return;
    const userId = occupant.userId;
    this.#writes.set(userId, occupant);
    // Our own record changes are not remote events.
    if (userId === this.#selfId) return;
    if (!previous) this.#facts.joined.push(userId);
    else if (previous.state !== occupant.state) this.#facts.stateChanged.push(userId);
  }

  /** Removes an occupant who left as `kind`. */
  remove(userId: string, kind: LeaveKind): void {
    if (this.get(userId) === undefined) return;
    this.#writes.set(userId, null);
    this.#facts.left.push({ userId, kind });
  }

  /** The open batch applied our join's first `presence_state`: its events are a SNAPSHOT. */
  markSnapshot(): void {
    this.#facts.snapshot = true;
  }

  /** The user ids of the last committed state (not the open batch). */
  committedUserIds(): readonly string[] {
    return this.store.getState().userIds;
  }

  /** Sets the connection status in the open batch. */
  setStatus(status: ConnectionStatus): void {
    this.#patch.status = status;
  }

  /** Sets `lastError` in the open batch. */
  setError(error: PresenceError): void {
    this.#patch.lastError = error;
  }

  /** Publishes the open batch with one store notification; returns its facts. */
  commit(): BatchFacts {
    const facts = this.#facts;
    const writes = this.#writes;
    const prev = this.store.getState();
    const base = prev.occupants as HashedOccupantTable<S>;
    const { occupants, adds, removes } = applyWrites(base, writes);
    const userIds = applyIdChanges(prev.userIds, adds, removes);
    const next: { -readonly [K in keyof RoomState<S>]?: RoomState<S>[K] } = { ...this.#patch };
    if (occupants !== prev.occupants)
      Object.assign(next, { occupants, userIds, occupancy: userIds.length });
    if (writes.has(this.#selfId)) next.self = occupants.get(this.#selfId) ?? null;
    this.#writes = new Map();
    this.#patch = {};
    this.#facts = emptyFacts();
    if (
      Object.keys(next).some(
        (key) => next[key as keyof RoomState<S>] !== prev[key as keyof RoomState<S>],
      )
    ) {
      this.store.setState(next);
    }
    this.#notifyUsers(writes);
    return facts;
  }

  /** Listens to one user's record; see `Room.subscribeUser`. */
  subscribeUser(userId: string, listener: () => void): () => void {
    let set = this.#userListeners.get(userId);
    if (!set) this.#userListeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#userListeners.get(userId) === set)
        this.#userListeners.delete(userId);
    };
  }

  #notifyUsers(changed: ReadonlyMap<string, unknown>): void {
    if (this.#userListeners.size === 0 || changed.size === 0) return;
    // Walk the smaller side: a 10,000-user presence_state with three keyed listeners is 3 lookups.
    const ids =
      changed.size <= this.#userListeners.size
        ? [...changed.keys()]
        : [...this.#userListeners.keys()].filter((id) => changed.has(id));
    for (const userId of ids) {
      const listeners = this.#userListeners.get(userId);
      if (listeners) for (const listener of [...listeners]) listener();
    }
  }
}

/** What committing a batch's writes gives: the new table, and who arrived or went. */
interface Applied<S extends UserState> {
  occupants: HashedOccupantTable<S>;
  adds: string[];
  removes: Set<string>;
}

/**
 * `base` with a batch's `writes`, in one draft (untouched nodes stay shared). Membership is read
 * off `base`, so a user added then removed in one batch (or the reverse) is no change.
 */
function applyWrites<S extends UserState>(
  base: HashedOccupantTable<S>,
  writes: ReadonlyMap<string, Occupant<S> | null>,
): Applied<S> {
  const out: Applied<S> = { occupants: base, adds: [], removes: new Set() };
  if (writes.size === 0) return out;
  const draft = base.edit();
  for (const [userId, occupant] of writes) {
    const was = base.has(userId);
    if (occupant) {
      draft.set(occupant);
      if (!was) out.adds.push(userId);
    } else if (was) {
      draft.delete(userId);
      out.removes.add(userId);
    }
  }
  out.occupants = draft.commit();
  return out;
}

function emptyFacts(): BatchFacts {
  return { joined: [], left: [], stateChanged: [], snapshot: false };
}
