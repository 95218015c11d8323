import { useCallback, useMemo } from 'react';
import type { Occupant, RoomState, UserState } from '../core/index.js';
import { equalWhenPresent, selectPresent } from './nullable.js';
import { useRoomSelector } from './useRoomSelector.js';
import type { EqualityFn } from './EqualityFn.js';

/**
 * Our own occupant record (all our tabs folded into one), or `null` before we are in the room and
 * on the server. The selector runs only on a present record.
 *
 * @example
 * const me = useSelf();
 * const myStatus = useSelf((self) => self.state.status); // string | undefined, or null
 */
export function useSelf<S extends UserState = UserState>(): Occupant<S> | null;
export function useSelf<S extends UserState = UserState, T = Occupant<S>>(
  selector: (self: Occupant<S>) => T,
  isEqual?: EqualityFn<T>,
): T | null;
export function useSelf<S extends UserState, T>(
  selector?: (self: Occupant<S>) => T,
  isEqual?: EqualityFn<T>,
): T | Occupant<S> | null {
  const select = useCallback(
    (state: RoomState<S>) => selectPresent(state.self, selector, null),
    [selector],
  );
  const equal = useMemo(() => equalWhenPresent(isEqual), [isEqual]);
  return useRoomSelector(select, equal as EqualityFn<T | Occupant<S> | null>);
}
