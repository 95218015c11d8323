import { useCallback } from 'react';
import type { Occupant, RoomState, UserState } from '../core/index.js';
import { othersOf } from './othersOf.js';
import { useRoomSelector } from './useRoomSelector.js';
import type { EqualityFn } from './EqualityFn.js';

/**
 * Everyone in the room except us, sorted by user id. The array keeps its identity until one of
 * them changes (our own `setState` does not re-render it). Each change costs O(N): for lists use
 * `useOtherUserIds()` (O(1) per update, a new array only on joins and leaves) and let each row
 * read its occupant with `useOccupant(id)`.
 *
 * @example
 * const others = useOthers();
 * const busy = useOthers((others) => others.filter((o) => o.state.status === 'busy').length);
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
