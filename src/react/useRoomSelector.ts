import withSelector from 'use-sync-external-store/with-selector';
import type { RoomState, UserState } from '../core/index.js';
import type { EqualityFn } from './EqualityFn.js';
import { usePresenceContext } from './PresenceContext.js';

// React's maintained `useSyncExternalStoreWithSelector` (what zustand uses), so the kit owns no
// concurrency-sensitive selector code. A CommonJS package: its default import is `module.exports`
// in Node's ESM and in bundlers alike.
const { useSyncExternalStoreWithSelector } = withSelector;

/**
 * Internal: select from the nearest room's store; re-renders only when the selection changes. The
 * selection is memoised on the snapshot, and an `isEqual` hit keeps the previous selection.
 */
export function useRoomSelector<S extends UserState, T>(
  selector: (state: RoomState<S>) => T,
  isEqual?: EqualityFn<T>,
): T {
  const { store } = usePresenceContext<S>();
  // The server snapshot is the client one: without a room the store is the constant empty room.
  return useSyncExternalStoreWithSelector(
    store.subscribe,
    store.getState,
    store.getState,
    selector,
    isEqual,
  );
}
