import { useCallback } from 'react';
import type { Occupant, RoomState, UserState } from '../core/index.js';
import { othersOf } from './othersOf.js';
import { useRoomSelector } from './useRoomSelector.js';
import type { EqualityFn } from './useSyncExternalStoreWithSelector.js';

/**
 * Everyone in the room except us, sorted by user id. The array keeps its identity until an
 * occupant changes. For lists, select the ids with `shallowEqual` and let each row read its
 * occupant with `useOccupant(id)`: a change to one user then re-renders that row only.
 *
 * @example
 * const ids = useOthers((others) => others.map((o) => o.userId), shallowEqual);
 * return ids.map((id) => <Row key={id} userId={id} />);
 */
export function useOthers<S extends UserState = UserState>(): readonly Occupant<S>[];
export function useOthers<S extends UserState = UserState, T = readonly Occupant<S>[]>(
  selector: (others: readonly Occupant<S>[]) => T,
  isEqual?: EqualityFn<T>,
): T;
export function useOthers<S extends UserState, T>(
  selector?: (others: readonly Occupant<S>[]) => T,
  isEqual?: EqualityFn<T>,
): T | readonly Occupant<S>[] {
  const select = useCallback(
    (state: RoomState<S>) => (selector === undefined ? othersOf(state) : selector(othersOf(state))),
    [selector],
  );
  return useRoomSelector(select, isEqual as EqualityFn<T | readonly Occupant<S>[]>);
}
