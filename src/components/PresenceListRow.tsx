import { memo, type ReactNode } from 'react';
import { sanitizeDisplayText } from '../core/index.js';
import { useOccupant } from '../react/index.js';
import { Avatar } from './Avatar.js';
import { dotStatusOf } from './occupantStatus.js';
import type { ListStatus, PresenceListLabels } from './presenceListLabels.js';
import { useDisplayProfile, type ProfileProps } from './profileProps.js';

/** Props of one row. */
export interface PresenceListRowProps extends ProfileProps {
  /** Whose row: it subscribes to this user alone. */
  userId: string;
  /** Offset from the list's top, px. */
  top: number;
  /** The row's height, px (every row has the same one, so the window is plain arithmetic). */
  height: number;
  /** 1-based position in the whole list, for assistive technology (most rows are not in the DOM). */
  position: number;
  /** How many people the whole list holds (`aria-setsize`). */
  size: number;
  /** The state keys to show, joined by `\n` (a string, so an inline array never re-renders rows). */
  fieldKeys: string;
  /** The row's words (PresenceList passes its resolved labels). */
  labels: PresenceListLabels;
}

/**
 * Internal: one person. It subscribes to that user alone: anyone else's change never re-renders
 * it, and the list above re-renders only when people come, go or are renamed.
 */
export const PresenceListRow = memo(function PresenceListRow(
  props: PresenceListRowProps,
): ReactNode {
  const { userId, top, height, position, size, fieldKeys, labels } = props;
  const occupant = useOccupant(userId);
  const profile = useDisplayProfile(occupant, props);
  if (occupant === undefined || profile === undefined) return null;
  const status: ListStatus = occupant.status === 'leaving' ? 'leaving' : dotStatusOf(occupant);
  const fields = fieldKeys === '' ? [] : fieldKeys.split('\n');
  return (
    <li
      className="pk-presence-list__row"
      data-status={status}
      data-self={occupant.isSelf || undefined}
      aria-posinset={position}
      aria-setsize={size}
      style={{ height, transform: `translateY(${top}px)` }}
    >
      <Avatar profile={profile} />
      <span className="pk-presence-list__text">
        <span className="pk-presence-list__name">
          {occupant.isSelf ? labels.self(profile.name) : profile.name}
        </span>
        <span className="pk-presence-list__status">
          <span className="pk-presence-list__dot" aria-hidden="true" />
          {labels.status(status)}
        </span>
        {fields.map((key) => {
          const value = sanitizeDisplayText(occupant.state[key]);
          return value === '' ? null : (
            <span key={key} className="pk-presence-list__field" data-field={key}>
              <span className="pk-visually-hidden">{labels.field(key)}: </span>
              {value}
            </span>
          );
        })}
      </span>
    </li>
  );
});
