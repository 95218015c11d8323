import { useMemo } from 'react';
import type { MicSeats, MicSeatsActions, Occupant, UserState } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';
import { useMicSeatsModel, whenMicSeatsModel, type MicSeatsKey } from './useMicSeatsModel.js';

type AnySeats = MicSeats<Occupant<UserState>>;

/**
 * The seat actions of the provider's room, stable for its lifetime and rendering nothing: a
 * toolbar that only acts never re-renders on seat changes. Calls made before the room exists wait
 * for it. See {@link useMicSeats} for what each action does.
 *
 * @example
 * const { takeSeat, leaveSeat } = useMicSeatsActions({ seatCount: 8 });
 */
export function useMicSeatsActions(options: MicSeatsKey): MicSeatsActions {
  useMicSeatsModel(options);
  const { binding } = usePresenceContext();
  const { seatCount, hostId } = options;
  return useMemo<MicSeatsActions>(() => {
    const key = { seatCount, hostId };
    const call = (act: (model: AnySeats) => Promise<void>) =>
      whenMicSeatsModel(binding, key).then(act);
    return {
      takeSeat: (index) => call((m) => m.takeSeat(index)),
      leaveSeat: () => call((m) => m.leaveSeat()),
      moveSeat: (index) => call((m) => m.moveSeat(index)),
      setMuted: (muted) => call((m) => m.setMuted(muted)),
      setSpeakingLevel: (level) => call((m) => m.setSpeakingLevel(level)),
      lockSeat: (index) => call((m) => m.lockSeat(index)),
      unlockSeat: (index) => call((m) => m.unlockSeat(index)),
      kickSeat: (index) => call((m) => m.kickSeat(index)),
    };
  }, [binding, seatCount, hostId]);
}
