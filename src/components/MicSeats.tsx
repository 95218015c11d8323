import {
  forwardRef,
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { useMicSeatsActions, useSelfId } from '../react/index.js';
import type { LabelOverrides } from './labels.js';
import { useLabels } from './labels.js';
import { MIC_SEATS_LABELS, refusalText, type MicSeatsLabels } from './micSeatsLabels.js';
import { MicSeatsControls } from './MicSeatsControls.js';
import type { HostAction } from './MicSeatsMenu.js';
import { MicSeatsSeat } from './MicSeatsSeat.js';
import { cx } from './occupantStatus.js';
import type { ProfileProps } from './profileProps.js';

/** Props of {@link MicSeats}. */
export interface MicSeatsProps extends ProfileProps {
  /** Number of seats, 1 … 256. @default 8 */
  seatCount?: number;
  /** Seats per row. @default 4 */
  columns?: number;
  /** The user who may lock, unlock and kick (a menu on each seat for them). */
  hostId?: string;
  /** Overrides for any visible or announced string. */
  labels?: LabelOverrides<MicSeatsLabels>;
  /** Added to the root element's class. */
  className?: string;
}

/**
 * A grid of mic seats for the provider's room. Each seat is a button named for its state ("Seat
 * 3, empty", "Seat 3, Alice, muted"): pressing an empty seat takes it (or moves us there), pressing
 * ours leaves it. While seated we get a mute toggle (`aria-pressed`) and a leave button; the host
 * gets a menu on each seat to lock, unlock and kick. Refusals ("That seat is taken.") are shown in
 * words in a polite status line. One seat's change re-renders that seat only.
 *
 * @example
 * <MicSeats seatCount={8} columns={4} hostId={room.ownerId} />
 */
export const MicSeats = forwardRef<HTMLDivElement, MicSeatsProps>(
  function MicSeats(props, ref): ReactNode {
    const { seatCount = 8, columns = 4, hostId, className, getProfile, avatarOrigins } = props;
    const labels = useLabels(MIC_SEATS_LABELS, props.labels);
    const key = { seatCount, hostId };
    const actions = useMicSeatsActions(key);
    // Derived, not selected: the host never changes for a given `hostId`, so no seat change
    // needs to run a selector here.
    const selfId = useSelfId();
    const isHost = hostId !== undefined && hostId === selfId;
    const [notice, setNotice] = useState('');
    // Read by callbacks only, so the seats' callbacks stay stable when `labels` is an inline object.
    const latestLabels = useRef(labels);
    useEffect(() => {
      latestLabels.current = labels;
    });
    const latestAction = useRef(0);

    // Only the newest action speaks: an earlier claim it replaced rejects quietly.
    const run = useCallback((action: () => Promise<void>) => {
      const id = (latestAction.current += 1);
      action().then(
        () => id === latestAction.current && setNotice(''),
        (error: unknown) =>
          id === latestAction.current && setNotice(refusalText(error, latestLabels.current)),
      );
    }, []);
    const onSeat = useCallback(
      (index: number, mine: boolean) =>
        run(() => (mine ? actions.leaveSeat() : actions.takeSeat(index))),
      [run, actions],
    );
    // lock → lockSeat, unlock → unlockSeat, kick → kickSeat.
    const onHost = useCallback(
      (action: HostAction, index: number) => run(() => actions[`${action}Seat` as const](index)),
      [run, actions],
    );
    const onMute = useCallback(
      (muted: boolean) => run(() => actions.setMuted(muted)),
      [run, actions],
    );
    const onLeave = useCallback(() => run(() => actions.leaveSeat()), [run, actions]);

    const style = { '--pk-mic-seats-columns': String(columns) } as CSSProperties;
    const seats: ReactNode[] = [];
    for (let index = 0; index < seatCount; index += 1) {
      seats.push(
        <MicSeatsSeat
          key={index}
          index={index}
          seatCount={seatCount}
          hostId={hostId}
          isHost={isHost}
          labels={labels}
          onSeat={onSeat}
          onHost={onHost}
          {...(getProfile === undefined ? {} : { getProfile })}
          {...(avatarOrigins === undefined ? {} : { avatarOrigins })}
        />,
      );
    }
    return (
      <div
        ref={ref}
        className={cx('pk-mic-seats', className)}
        data-seat-count={seatCount}
        data-host={isHost || undefined}
        style={style}
      >
        <ul className="pk-mic-seats__grid" aria-label={labels.region}>
          {seats}
        </ul>
        <MicSeatsControls
          seatCount={seatCount}
          hostId={hostId}
          labels={labels}
          onMute={onMute}
          onLeave={onLeave}
        />
        <p className="pk-mic-seats__notice" role="status">
          {notice}
        </p>
      </div>
    );
  },
);
MicSeats.displayName = 'MicSeats';
