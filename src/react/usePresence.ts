import type { RoomState, UserState } from '../core/index.js';
import { useRoomSelector } from './useRoomSelector.js';
import type { EqualityFn } from './EqualityFn.js';

const wholeRoom = <S extends UserState>(state: RoomState<S>): RoomState<S> => state;

/**
 * The room snapshot (status, self, occupants, sorted `userIds`, occupancy, lastError), or a slice
 * of it. With a selector the component re-renders only when the slice changes (by `isEqual`,
 * `Object.is` by default).
 *
 * @example
 * const occupancy = usePresence((room) => room.occupancy);
 * const ids = usePresence((room) => room.userIds); // a new array only when membership changes
 */
export function usePresence<S extends UserState = UserState>(): RoomState<S>;
export function usePresence<S extends UserState = UserState, T = RoomState<S>>(
  selector: (state: RoomState<S>) => T,
  isEqual?: EqualityFn<T>,
): T;
export function usePresence<S extends UserState, T>(
  selector?: (state: RoomState<S>) => T,
  isEqual?: EqualityFn<T>,
): T | RoomState<S> {
  return useRoomSelector<S, T | RoomState<S>>(
    selector ?? wholeRoom,
    isEqual as EqualityFn<T | RoomState<S>>,
  );
}
