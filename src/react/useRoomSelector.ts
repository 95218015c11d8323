import type { RoomState, UserState } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';
import {
  useSyncExternalStoreWithSelector,
  type EqualityFn,
} from './useSyncExternalStoreWithSelector.js';

/** Internal: select from the nearest room's store; re-renders only when the selection changes. */
export function useRoomSelector<S extends UserState, T>(
  selector: (state: RoomState<S>) => T,
  isEqual?: EqualityFn<T>,
): T {
  const { store } = usePresenceContext<S>();
  return useSyncExternalStoreWithSelector(
    store.subscribe,
    store.getState,
    store.getState,
    selector,
    isEqual,
  );
}
