import { useCallback, useSyncExternalStore } from 'react';
import type { Occupant, Seat, UserState } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';
import { useMicSeatsModel, type MicSeatsKey } from './useMicSeatsModel.js';
import { placeholder } from './useMicSeatsSelector.js';

const noSubscription = () => () => {};

/**
 * One seat of the provider's room (`seats[index]` of {@link useMicSeatsSelector}'s snapshot),
 * for a component that shows one seat; `'mine'` is our own seat wherever it is (`undefined`
 * while we have none). It subscribes to that seat alone: another seat's change does not even
 * run a selector here, so a grid of seats costs the same per change however many seats it has.
 * The seat object is kept while the seat is unchanged, so it can key a memo. `undefined` when
 * `index` is outside the seats.
 *
 * @example
 * function MySeat({ index }: { index: number }) {
 *   const seat = useMicSeatsSeat({ seatCount: 8 }, index);
 *   return <li data-muted={seat?.muted}>{seat?.occupant?.state.name ?? 'Empty'}</li>;
 * }
 * const mine = useMicSeatsSeat({ seatCount: 8 }, 'mine'); // our seat, or undefined
 */
export function useMicSeatsSeat<S extends UserState = UserState>(
  options: MicSeatsKey,
  index: number | 'mine',
): Seat<Occupant<S>> | undefined {
  const model = useMicSeatsModel<S>(options);
  const { selfId } = usePresenceContext<S>();
  const { seatCount, hostId } = options;
  const isHost = hostId !== undefined && hostId === selfId;
  const subscribe = useCallback(
    (listener: () => void) => model?.subscribeSeat(index, listener) ?? noSubscription(),
    [model, index],
  );
  // Seats are immutable and kept while unchanged: the seat itself is the snapshot, no selector.
  const getSeat = useCallback(() => {
    const { seats, mySeat } = model?.getSnapshot() ?? placeholder(seatCount, isHost);
    const at = index === 'mine' ? mySeat : index;
    return (at === null ? undefined : seats[at]) as Seat<Occupant<S>> | undefined;
  }, [model, seatCount, isHost, index]);
  return useSyncExternalStore(subscribe, getSeat, getSeat);
}
