import type { ReactNode } from 'react';
import { useMicSeatsSelector } from '../react/index.js';
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
 * we sit. It reads our seat's mute only, so others' changes never re-render it.
 */
export function MicSeatsControls({
  seatCount,
  hostId,
  labels,
  onMute,
  onLeave,
}: MicSeatsControlsProps): ReactNode {
  const muted = useMicSeatsSelector({ seatCount, hostId }, ({ mySeat, seats }) =>
    mySeat === null ? null : (seats[mySeat]?.muted ?? false),
  );
  if (muted === null) return null;
  return (
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
  );
}
