import type { Occupant, OccupantTable, RoomState, UserState } from '../core/types.js';

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
 * A store that never changes: what hooks read on the server and before the provider has joined.
 * Its state is created once, so `getSnapshot` stays cached as `useSyncExternalStore` requires.
 */
export function emptyRoomStore<S extends UserState>(
  channelName: string,
  selfId: string,
): RoomStore<S> {
  const state: RoomState<S> = {
    channelName,
    status: 'idle',
    selfId,
    self: null,
    occupants: emptyTable,
    userIds: [],
    occupancy: 0,
    lastError: null,
  };
  return { getState: () => state, subscribe: () => unsubscribeNothing };
}
