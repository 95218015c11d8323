import { useMemo } from 'react';
import type { MicSeatsActions, Occupant, Seat, UserState } from '../core/index.js';
import { useMicSeatsActions } from './useMicSeatsActions.js';
import type { MicSeatsKey } from './useMicSeatsModel.js';
import { useMicSeatsSelector } from './useMicSeatsSelector.js';

/** Options of {@link useMicSeats}. */
export type UseMicSeatsOptions = MicSeatsKey;

/** What {@link useMicSeats} returns: the seats, our seat, and the (stable) actions. */
export interface UseMicSeatsResult<S extends UserState = UserState> extends MicSeatsActions {
  /** Every seat, in order; unchanged seats keep their identity across updates. */
  seats: readonly Seat<Occupant<S>>[];
  /** Our seat's index, or `null`. */
  mySeat: number | null;
}

const select = <S extends UserState>(snapshot: {
  seats: readonly Seat<Occupant<S>>[];
  mySeat: number | null;
}) => snapshot;

/**
 * Mic seats for the provider's room: the seats derived from everyone's state, and the actions.
 * All hooks and components with the same `seatCount` and `hostId` share one model. Two claims on
 * one seat resolve the same way everywhere (earlier claim wins, ties by user id); the loser's
 * promise rejects `SEAT_TAKEN`. Taking a seat while seated moves us. The host locks, unlocks and
 * kicks (`NOT_HOST` for anyone else); a locked seat refuses claims (`SEAT_LOCKED`); an index out
 * of range is `INVALID_ARGUMENT`. `setSpeakingLevel(0 … 1)` is where an RTC SDK's volume goes.
 * The component calling this re-renders on every seat change: for one seat per component use
 * {@link useMicSeatsSelector}.
 *
 * @example
 * const { seats, mySeat, takeSeat, leaveSeat } = useMicSeats({ seatCount: 8, hostId: 'alice' });
 */
export function useMicSeats<S extends UserState = UserState>(
  options: UseMicSeatsOptions,
): UseMicSeatsResult<S> {
  const { seatCount, hostId } = options;
  const snapshot = useMicSeatsSelector<
    { seats: readonly Seat<Occupant<S>>[]; mySeat: number | null },
    S
  >({ seatCount, hostId }, select);
  const actions = useMicSeatsActions({ seatCount, hostId });
  return useMemo(
    () => ({ ...actions, seats: snapshot.seats, mySeat: snapshot.mySeat }),
    [actions, snapshot],
  );
}
