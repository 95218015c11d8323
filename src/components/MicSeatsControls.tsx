import { useMemo, type ReactNode } from 'react';
import { useMicSeatsSeat } from '../react/index.js';
import type { MicSeatsLabels } from './micSeatsLabels.js';

/** Props of {@link MicSeatsControls}. */
export interface MicSeatsControlsProps {
  seatCount: number;
  hostId: string | undefined;
  labels: MicSeatsLabels;
  onMute: (muted: boolean) => void;
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
