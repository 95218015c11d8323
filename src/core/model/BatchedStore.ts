import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { HashedOccupantTable } from './OccupantTable.js';
import type { OccupantTableDraft } from './OccupantTable.js';
import type { PresenceError } from '../facade/PresenceError.js';
import { applyIdChanges } from './sortedIds.js';
import type { ConnectionStatus, Occupant, OccupantTable, RoomState, UserState } from '../types.js';

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
 * one batch; all its writes go to one table draft, and the batch lists who it wrote (lists, not
 * maps: a first `presence_state` writes 10,000 users, and growing a hash table that large costs
 * more than the whole draft); `commit()` publishes them with a single
 * `setState`, then calls the keyed listeners of exactly the users whose record changed. The
 * batch's facts (who joined, left, changed state) are noted by the writes themselves, so no
 * other part keeps or edits them. Only the room's `Committer` calls `commit()`.
 */
export class BatchedStore<S extends UserState> {
  readonly store: StoreApi<RoomState<S>>;
  #draft: OccupantTableDraft<S> | null = null;
  /** Users the open batch wrote or removed, in order, repeats included. */
  #written: string[] = [];
  /** Users the open batch wrote with no record before (none of them twice without a removal). */
  #arrived: string[] = [];
  /** Users the open batch removed. */
  #departed: string[] = [];
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
    return this.#draft ? this.#draft.get(userId) : this.store.getState().occupants.get(userId);
  }

  /** Writes an occupant; a no-op when it is the very same record. */
  put(occupant: Occupant<S>): void {
    this.write(occupant, this.get(occupant.userId));
  }

  /** `put` for a caller that already holds the batch's current record of that user. */
  write(occupant: Occupant<S>, previous: Occupant<S> | undefined): void {
    if (previous === occupant) return;
    const userId = occupant.userId;
    this.#open().set(occupant);
    this.#written.push(userId);
    if (!previous) this.#arrived.push(userId);
    // Our own record changes are not remote events.
    if (userId === this.#selfId) return;
    if (!previous) this.#facts.joined.push(userId);
    else if (previous.state !== occupant.state) this.#facts.stateChanged.push(userId);
  }

  /** Removes an occupant who left as `kind`. */
  remove(userId: string, kind: LeaveKind): void {
    if (!this.#open().delete(userId)) return;
    this.#written.push(userId);
    this.#departed.push(userId);
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
    const written = this.#written;
    const prev = this.store.getState();
    const base = prev.occupants;
    const occupants = this.#draft ? this.#draft.commit() : base;
    const { adds, removes } = membership(base, occupants, this.#arrived, this.#departed);
    const userIds = applyIdChanges(prev.userIds, adds, removes);
    const next: { -readonly [K in keyof RoomState<S>]?: RoomState<S>[K] } = { ...this.#patch };
    if (occupants !== prev.occupants)
      Object.assign(next, { occupants, userIds, occupancy: userIds.length });
    if (occupants !== base) next.self = occupants.get(this.#selfId) ?? null;
    this.#draft = null;
    this.#written = [];
    this.#arrived = [];
    this.#departed = [];
    this.#patch = {};
    this.#facts = emptyFacts();
    if (
      Object.keys(next).some(
        (key) => next[key as keyof RoomState<S>] !== prev[key as keyof RoomState<S>],
      )
    ) {
      this.store.setState(next);
    }
    this.#notifyUsers(written, base, occupants);
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

  /** Calls the keyed listeners of the users among `written` whose record changed. */
  #notifyUsers(
    written: readonly string[],
    before: OccupantTable<S>,
    after: OccupantTable<S>,
  ): void {
    if (this.#userListeners.size === 0 || written.length === 0 || before === after) return;
    // Walk the smaller side: a 10,000-user presence_state with three keyed listeners is 3 lookups.
    const ids =
      written.length <= this.#userListeners.size ? new Set(written) : this.#userListeners.keys();
    const due: Set<() => void>[] = [];
    for (const userId of ids) {
      const listeners = this.#userListeners.get(userId);
      if (listeners && before.get(userId) !== after.get(userId)) due.push(listeners);
    }
    for (const listeners of due) for (const listener of [...listeners]) listener();
  }

  #open(): OccupantTableDraft<S> {
    this.#draft ??= (this.store.getState().occupants as HashedOccupantTable<S>).edit();
    return this.#draft;
  }
}

/**
 * Who a batch made arrive and go, read off the tables so that a user added then removed in one
 * batch (or the reverse) is no change. With no removal (every frame of joins, a first
 * `presence_state` above all) the arrivals are the adds as they stand, with no lookup.
 */
function membership<S extends UserState>(
  before: OccupantTable<S>,
  after: OccupantTable<S>,
  arrived: readonly string[],
  departed: readonly string[],
): { adds: readonly string[]; removes: Set<string> } {
  const removes = new Set<string>();
  if (departed.length === 0) return { adds: arrived, removes };
  const adds = new Set<string>();
  for (const id of [...arrived, ...departed]) {
    const was = before.has(id);
    const is = after.has(id);
    if (is && !was) adds.add(id);
    else if (was && !is) removes.add(id);
  }
  return { adds: [...adds], removes };
}

function emptyFacts(): BatchFacts {
  return { joined: [], left: [], stateChanged: [], snapshot: false };
}
