import { useMemo, type ReactNode } from 'react';
import { useMicSeatsSeat } from '../react/index.js';
import type { MicSeatsLabels } from './micSeatsLabels.js';

/** Props of {@link MicSeatsControls}. */
export interface MicSeatsControlsProps {
  /** Seats in the room: the seat options the controls read our seat with. */
  seatCount: number;
  /** The room's host (part of the same seat options); `undefined` for none. */
  hostId: string | undefined;
  /** The buttons' words (MicSeats passes its resolved labels). */
  labels: MicSeatsLabels;
  /** Mute pressed: `true` to turn our mic off, `false` to turn it back on. */
  onMute: (muted: boolean) => void;
  /** Leave pressed: give up our seat. */
  onLeave: () => void;
}

/**
 * Internal: our own mic toggle (a pressed button while muted) and the leave button, shown while
 * we sit. It follows our seat only, so others' changes never re-render it, nor run a selector.
 */
export function MicSeatsControls({
  seatCount,
  hostId,
  labels,
  onMute,
  onLeave,
}: MicSeatsControlsProps): ReactNode {
  // Our seat alone: others' changes do not wake this component at all.
  const mine = useMicSeatsSeat({ seatCount, hostId }, 'mine');
  const muted = mine === undefined ? null : mine.muted;
  // Our own level reports (4 a second) change our seat, not these buttons: same element, no diff.
  return useMemo(
    () =>
      muted === null ? null : (
        <div className="pk-mic-seats__controls">
          <button
            type="button"
            className="pk-mic-seats__mute"
            aria-pressed={muted}
            onClick={() => onMute(!muted)}
          >
            {labels.mute}
          </button>
          <button type="button" className="pk-mic-seats__leave" onClick={onLeave}>
            {labels.leave}
          </button>
        </div>
      ),
    [muted, labels, onMute, onLeave],
  );
}
