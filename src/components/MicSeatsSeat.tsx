import { memo, useMemo, type CSSProperties, type ReactNode } from 'react';
import { useMicSeatsSeat } from '../react/index.js';
import { Avatar } from './Avatar.js';
import type { MicSeatsLabels } from './micSeatsLabels.js';
import { MicSeatsMenu, type HostAction } from './MicSeatsMenu.js';
import { useDisplayProfile, type ProfileProps } from './profileProps.js';

/** Props of one seat. */
export interface MicSeatsSeatProps extends ProfileProps {
  /** The seat's 0-based position (shown and announced as `index + 1`). */
  index: number;
  /** Seats in the room: the seat options the seat is read with. */
  seatCount: number;
  /** The room's host (part of the same seat options); `undefined` for none. */
  hostId: string | undefined;
  /** We are the host: the seat shows the host's menu beside it. */
  isHost: boolean;
  /** The seat's words (MicSeats passes its resolved labels). */
  labels: MicSeatsLabels;
  /** A click on the seat: take (or move to) it, or leave it when it is ours. */
  onSeat: (index: number, mine: boolean) => void;
  /** The host chose lock, unlock or remove in this seat's menu. */
  onHost: (action: HostAction, index: number) => void;
}

const micOffPath = (
  <path d="M8 1a2.5 2.5 0 0 0-2.5 2.5v4a2.5 2.5 0 0 0 5 0v-4A2.5 2.5 0 0 0 8 1Zm-5 6.5h1.2a3.8 3.8 0 0 0 7.6 0H13a5 5 0 0 1-4.4 5V15H7.4v-2.5A5 5 0 0 1 3 7.5ZM2 2.8l.9-.9 11 11.2-.9.9Z" />
);

// An icon, not a "+" character: text in the seat would count as part of its visible label.
const plusIcon = (
  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M7.25 2h1.5v5.25H14v1.5H8.75V14h-1.5V8.75H2v-1.5h5.25Z" />
  </svg>
);

const lockIcon = (
  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M5 7V5a3 3 0 0 1 6 0v2h1a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0Z" />
  </svg>
);

/**
 * Internal: one seat. It subscribes to its own seat only, so another seat's change (a speaker's
 * level, a new occupant) never re-renders it, nor even runs a selector for it.
 */
export const MicSeatsSeat = memo(function MicSeatsSeat(props: MicSeatsSeatProps): ReactNode {
  const { index, seatCount, hostId, isHost, labels, onSeat, onHost } = props;
  const seat = useMicSeatsSeat({ seatCount, hostId }, index);
  const profile = useDisplayProfile(seat?.occupant ?? undefined, props);
  // The same element while the profile is the same object: React then skips the avatar on a
  // mute, a level or a status change, which keep the profile.
  const avatar = useMemo(
    () => (profile === undefined ? null : <Avatar profile={profile} />),
    [profile],
  );
  if (seat === undefined) return null;
  const { locked, muted, speaking, occupant } = seat;
  const isSelf = occupant?.isSelf ?? false;
  const name = profile?.name ?? null;
  const state = locked ? 'locked' : name === null ? 'empty' : 'taken';
  const label = labels.seat({ number: index + 1, name, isSelf, locked, muted, speaking });
  const style = { '--pk-level': String(seat.level) } as CSSProperties;
  return (
    <li
      className="pk-mic-seats__seat"
      data-state={state}
      data-muted={muted || undefined}
      data-speaking={speaking || undefined}
      data-self={isSelf || undefined}
      data-leaving={occupant?.status === 'leaving' || undefined}
      style={style}
    >
      <button
        type="button"
        className="pk-mic-seats__button"
        aria-label={label}
        onClick={() => onSeat(index, isSelf)}
      >
        <span className="pk-mic-seats__ring" aria-hidden="true">
          {avatar ?? (
            <span className="pk-mic-seats__placeholder">{locked ? lockIcon : plusIcon}</span>
          )}
          {/* Always there, hidden by its own display attribute (no stylesheet needed) while the
              mic is on: a mute flip then changes one attribute instead of building and
              removing an <svg>. */}
          <svg
            className="pk-mic-seats__mic-off"
            viewBox="0 0 16 16"
            display={muted ? undefined : 'none'}
            aria-hidden="true"
            focusable="false"
          >
            {micOffPath}
          </svg>
        </span>
        {/* Number, a space, then the name, as the eye reads them (the number sits top-left): the
            visible words are then "3 Alice", in order inside the name "Seat 3, Alice" (WCAG
            2.5.3). Without the space they would run together as "3Alice". */}
        <span className="pk-mic-seats__number" aria-hidden="true">
          {index + 1}
        </span>{' '}
        <span className="pk-mic-seats__name" aria-hidden="true">
          {name ?? (locked ? labels.locked : labels.empty)}
        </span>
      </button>
      {isHost && (
        <MicSeatsMenu
          index={index}
          locked={locked}
          taken={name !== null}
          labels={labels}
          onAction={onHost}
        />
      )}
    </li>
  );
});
