import { useCallback } from 'react';
import withSelector from 'use-sync-external-store/with-selector';
import type { MicSeatsSnapshot, Occupant, Seat, UserState } from '../core/index.js';
import type { EqualityFn } from './EqualityFn.js';
import { usePresenceContext } from './PresenceContext.js';
import { useMicSeatsModel, type MicSeatsKey } from './useMicSeatsModel.js';

// See useRoomSelector: React's maintained selector hook, default-imported from CommonJS.
const { useSyncExternalStoreWithSelector } = withSelector;

const noSubscription = () => () => {};
const placeholders = new Map<string, MicSeatsSnapshot<Occupant<UserState>>>();

/** Internal: empty seats, one constant per size and host flag, for before the room exists. */
export function placeholder(
  seatCount: number,
  isHost: boolean,
): MicSeatsSnapshot<Occupant<UserState>> {
  const id = `${seatCount}:${isHost}`;
  let snapshot = placeholders.get(id);
  if (snapshot === undefined) {
    const seats: Seat<Occupant<UserState>>[] = [];
    for (let index = 0; index < seatCount; index += 1) {
      seats.push({
        index,
        userId: null,
        occupant: null,
        muted: false,
        locked: false,
        speaking: false,
        level: 0,
      });
    }
    snapshot = Object.freeze({ seats: Object.freeze(seats), mySeat: null, isHost });
    placeholders.set(id, snapshot);
  }
  return snapshot;
}

/**
 * A selection from the seats of the provider's room; re-renders only when it changes. It runs on
 * every seat change: for one seat per component use {@link useMicSeatsSeat}, which subscribes to
 * that seat alone.
 *
 * @example
 * const taken = useMicSeatsSelector({ seatCount: 8 }, (s) => s.seats.filter((seat) => seat.userId).length);
 */
export function useMicSeatsSelector<T, S extends UserState = UserState>(
  options: MicSeatsKey,
  selector: (snapshot: MicSeatsSnapshot<Occupant<S>>) => T,
  isEqual?: EqualityFn<T>,
): T {
  const model = useMicSeatsModel<S>(options);
  const { selfId } = usePresenceContext<S>();
  const { seatCount, hostId } = options;
  const isHost = hostId !== undefined && hostId === selfId;
  const getSnapshot = useCallback(
    () =>
      model?.getSnapshot() ??
      (placeholder(seatCount, isHost) as unknown as MicSeatsSnapshot<Occupant<S>>),
    [model, seatCount, isHost],
  );
  return useSyncExternalStoreWithSelector(
    model?.subscribe ?? noSubscription,
    getSnapshot,
    getSnapshot,
    selector,
    isEqual,
  );
}
