import { useCallback } from 'react';
import withSelector from 'use-sync-external-store/with-selector';
import type { Occupant, UserState } from '../core/index.js';
import type { EqualityFn } from './EqualityFn.js';
import { usePresenceContext } from './PresenceContext.js';

// See useRoomSelector: React's maintained selector hook, default-imported from CommonJS.
const { useSyncExternalStoreWithSelector } = withSelector;

const unsubscribeNothing = (): void => {};

/**
 * Internal: one user's record through the room's keyed listeners, so a change to anyone else never
 * runs this component's selector. `userId: null` means "us" (`state.self`, through the store, since
 * our own record exists before we are in the occupant table).
 */
export function useOccupantRecord<S extends UserState, T>(
  userId: string | null,
  selector: (occupant: Occupant<S> | undefined) => T,
  isEqual?: EqualityFn<T>,
): T {
  const { room, store } = usePresenceContext<S>();
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (userId === null) return store.subscribe(onChange);
      return room === null ? unsubscribeNothing : room.subscribeUser(userId, onChange);
    },
    [room, store, userId],
  );
  const getRecord = useCallback(() => {
    const state = store.getState();
    return userId === null ? (state.self ?? undefined) : state.occupants.get(userId);
  }, [store, userId]);
  return useSyncExternalStoreWithSelector(subscribe, getRecord, getRecord, selector, isEqual);
}
