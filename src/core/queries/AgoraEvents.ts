import type { BatchFacts } from '../model/BatchedStore.js';
import { toUserStateRecord } from './selectors.js';
import type {
  ChannelType,
  IntervalDetail,
  PresenceEvent,
  PresenceEventType,
  RoomState,
  UserState,
  UserStateRecord,
} from '../types.js';

/** Settings of the event layer of one room. */
export interface AgoraEventsOptions {
  channelName: string;
  channelType: ChannelType;
  /** Agora `withPresence`: when false the room emits nothing (the store stays exact). */
  withPresence: boolean;
  intervalThreshold: number;
  intervalMs: number;
}

interface Pending {
  join: string[];
  leave: string[];
  timeout: string[];
  changed: Set<string>;
}

/**
 * Turns committed facts into Agora `PresenceEvent`s. Up to `intervalThreshold` occupants every
 * fact is its own REMOTE_* event; above it, facts collect into one INTERVAL event per
 * `intervalMs` (Agora's announce → interval switch), so a big room costs one event per period.
 */
export class AgoraEvents<S extends UserState> {
  #pending: Pending | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #options: AgoraEventsOptions;
  readonly #getState: () => RoomState<S>;
  readonly #emit: (event: PresenceEvent<S>) => void;

  constructor(
    options: AgoraEventsOptions,
    getState: () => RoomState<S>,
    emit: (event: PresenceEvent<S>) => void,
  ) {
    this.#options = options;
    this.#getState = getState;
    this.#emit = emit;
  }

  /** Emits (or batches) the events of one committed batch. */
  handle(facts: BatchFacts): void {
    if (!this.#options.withPresence) return;
    const state = this.#getState();
    if (facts.snapshot) {
      this.#emit(this.#event('SNAPSHOT', '', { snapshot: this.#snapshot(state) }));
      // Everyone in the first presence_state is in the snapshot, not a REMOTE_JOIN.
      facts = { ...facts, joined: [], stateChanged: [] };
    }
    if (this.#pending || state.occupancy > this.#options.intervalThreshold) {
      this.#collect(facts);
      return;
    }
    for (const userId of facts.joined) {
      this.#emit(this.#event('REMOTE_JOIN', userId));
      const occupant = state.occupants.get(userId);
      if (occupant && occupant.statesCount > 0)
        this.#emit(this.#event('REMOTE_STATE_CHANGED', userId, { stateChanged: occupant.state }));
    }
    for (const userId of new Set(facts.stateChanged)) {
      const occupant = state.occupants.get(userId);
      if (occupant && !facts.joined.includes(userId))
        this.#emit(this.#event('REMOTE_STATE_CHANGED', userId, { stateChanged: occupant.state }));
    }
    for (const { userId, kind } of facts.left)
      this.#emit(this.#event(kind === 'leave' ? 'REMOTE_LEAVE' : 'REMOTE_TIMEOUT', userId));
  }

  /** Stops the interval timer, dropping what was not yet sent (the room is gone). */
  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
  }

  #collect(facts: BatchFacts): void {
    const pending = (this.#pending ??= { join: [], leave: [], timeout: [], changed: new Set() });
    pending.join.push(...facts.joined);
    for (const userId of facts.joined) pending.changed.add(userId);
    for (const userId of facts.stateChanged) pending.changed.add(userId);
    for (const { userId, kind } of facts.left)
      (kind === 'leave' ? pending.leave : pending.timeout).push(userId);
    this.#timer ??= setTimeout(() => this.#flush(), this.#options.intervalMs);
  }

  #flush(): void {
    this.#timer = null;
    const pending = this.#pending;
    this.#pending = null;
    if (!pending) return;
    const state = this.#getState();
    const userStateList: UserStateRecord<S>[] = [];
    for (const userId of pending.changed) {
      const occupant = state.occupants.get(userId);
      if (occupant && occupant.statesCount > 0) userStateList.push(toUserStateRecord(occupant));
    }
    const interval: IntervalDetail<S> = {
      join: { users: pending.join, userCount: pending.join.length },
      leave: { users: pending.leave, userCount: pending.leave.length },
      timeout: { users: pending.timeout, userCount: pending.timeout.length },
      userStateList,
      totalOccupancy: state.occupancy,
    };
    if (
      pending.join.length + pending.leave.length + pending.timeout.length + userStateList.length >
      0
    ) {
      this.#emit(this.#event('INTERVAL', '', { interval }));
    }
  }

  #snapshot(state: RoomState<S>): UserStateRecord<S>[] {
    const out: UserStateRecord<S>[] = [];
    for (const userId of state.userIds) {
      const occupant = state.occupants.get(userId);
      if (occupant) out.push(toUserStateRecord(occupant));
    }
    return out;
  }

  #event(
    eventType: PresenceEventType,
    publisher: string,
    extra: {
      stateChanged?: Readonly<Partial<S>>;
      interval?: IntervalDetail<S>;
      snapshot?: UserStateRecord<S>[];
    } = {},
  ): PresenceEvent<S> {
    return {
      eventType,
      channelType: this.#options.channelType,
      channelName: this.#options.channelName,
      publisher,
      stateChanged: (extra.stateChanged ?? {}) as Partial<S>,
      interval: extra.interval ?? null,
      snapshot: extra.snapshot ?? null,
      timestamp: Date.now(),
    };
  }
}
