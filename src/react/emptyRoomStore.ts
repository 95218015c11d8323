import type {
  Occupant,
  OccupantTable,
  PresenceError,
  RoomState,
  UserState,
} from '../core/index.js';

/** The read side of a room's zustand store: all a hook needs. */
export interface RoomStore<S extends UserState = UserState> {
  getState(): RoomState<S>;
  subscribe(listener: () => void): () => void;
}

const noEntries: readonly Occupant<never>[] = [];

const emptyTable: OccupantTable<never> = {
  size: 0,
  get: () => undefined,
  has: () => false,
  [Symbol.iterator]: () => noEntries[Symbol.iterator](),
};

const unsubscribeNothing = (): void => {};

/**
 * A store that never changes: what hooks read on the server, before the provider has joined, and
 * (with `error`) when the engine refused the join before it had a room. Its state is created once,
 * so `getSnapshot` stays cached as `useSyncExternalStore` requires.
 */
export function emptyRoomStore<S extends UserState>(
  channelName: string,
  selfId: string,
  error: PresenceError | null = null,
): RoomStore<S> {
  const state: RoomState<S> = {
    channelName,
    status: error === null ? 'idle' : 'error',
    selfId,
    self: null,
    occupants: emptyTable,
    userIds: [],
    occupancy: 0,
    lastError: error,
  };
  return { getState: () => state, subscribe: () => unsubscribeNothing };
}
