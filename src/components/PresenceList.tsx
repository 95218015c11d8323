import { forwardRef, useId, useRef, type ReactNode } from 'react';
import { usePresence, useSelf } from '../react/index.js';
import type { LabelOverrides } from './labels.js';
import { useLabels } from './labels.js';
import { cx } from './occupantStatus.js';
import { PRESENCE_LIST_LABELS, type PresenceListLabels } from './presenceListLabels.js';
import { PresenceListRow } from './PresenceListRow.js';
import { usePresenceListOrder } from './PresenceListSort.js';
import type { ProfileProps } from './profileProps.js';
import { useFixedRowWindow } from './useFixedRowWindow.js';

/** Props of {@link PresenceList}. */
export interface PresenceListProps extends ProfileProps {
  /** State keys to show on each row, after the name and status (values shown as inert text). */
  fields?: readonly string[];
  /** Row height in px (rows are fixed-height, so scrolling never measures). @default 48 */
  rowHeight?: number;
  /** Rows rendered beyond the visible ones, each way. @default 6 */
  overscan?: number;
  /** Locale(s) names are sorted in. @default the browser's */
  locale?: string | readonly string[];
  /** Overrides for any visible or announced string. */
  labels?: LabelOverrides<PresenceListLabels>;
  /** Added to the root element's class. */
  className?: string;
}

const NO_FIELDS: readonly string[] = [];

function indexes(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/**
 * Who is in the provider's room: us first, then everyone by name, each with a status (online,
 * away, reconnecting, leaving) and the chosen state `fields`; a count of everyone in the header.
 * Windowed: rows have one fixed height (`rowHeight`), so only the rows in view plus `overscan`
 * each way are in the DOM and 10,000 people render a few dozen rows; scrolling re-renders the
 * list only when a row enters or leaves the view. One person's change re-renders their row only;
 * the name order is kept incrementally, never re-sorted per change. Give it a height
 * (`--pk-presence-list-height`, default 20rem).
 *
 * @example
 * <PresenceList fields={['status']} />
 */
export const PresenceList = forwardRef<HTMLElement, PresenceListProps>(
  function PresenceList(props, ref): ReactNode {
    const { fields = NO_FIELDS, rowHeight = 48, overscan = 6, className } = props;
    const labels = useLabels(PRESENCE_LIST_LABELS, props.labels);
    const others = usePresenceListOrder(props);
    const selfId = useSelf((self) => self.userId);
    const total = usePresence((room) => room.occupancy);
    const offset = selfId === null ? 0 : 1;
    const count = others.length + offset;
    const idAt = (index: number) =>
      index < offset ? (selfId as string) : (others[index - offset] ?? '');
    const scroller = useRef<HTMLDivElement>(null);
    const rows = useFixedRowWindow(scroller, { count, rowHeight, overscan });
    const titleId = useId();
    const fieldKeys = fields.join('\n');
    return (
      <section
        ref={ref}
        className={cx('pk-presence-list', className)}
        aria-labelledby={titleId}
        data-count={total}
      >
        <header className="pk-presence-list__header" id={titleId}>
          <span className="pk-presence-list__title">{labels.title}</span>{' '}
          <span className="pk-presence-list__count">{labels.count(total)}</span>
        </header>
        <div
          ref={scroller}
          className="pk-presence-list__scroller"
          // Focusable so the list scrolls from the keyboard (axe: scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={labels.list}
        >
          {count === 0 ? (
            <p className="pk-presence-list__empty">{labels.empty}</p>
          ) : (
            <ul className="pk-presence-list__rows" style={{ height: rows.totalHeight }}>
              {indexes(rows.start, rows.end).map((index) => (
                <PresenceListRow
                  key={idAt(index)}
                  userId={idAt(index)}
                  top={rows.top(index)}
                  height={rowHeight}
                  position={index + 1}
                  size={count}
                  fieldKeys={fieldKeys}
                  labels={labels}
                  {...(props.getProfile === undefined ? {} : { getProfile: props.getProfile })}
                  {...(props.avatarOrigins === undefined
                    ? {}
                    : { avatarOrigins: props.avatarOrigins })}
                />
              ))}
            </ul>
          )}
        </div>
      </section>
    );
  },
);
PresenceList.displayName = 'PresenceList';
