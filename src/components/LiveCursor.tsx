import { memo, type CSSProperties } from 'react';
import type { CursorOptions } from '../core/index.js';
import { useCursor } from '../react/index.js';
import { useDisplayProfile, type ProfileProps } from './profileProps.js';

/** Props of one drawn cursor. */
export interface LiveCursorProps extends ProfileProps, CursorOptions {
  userId: string;
}

/**
 * Internal: another user's pointer, an arrow in their colour with their name. It subscribes to
 * that cursor alone, so a move re-renders this one cursor and nothing else; the position is a
 * transform (no layout), smoothed by a short transition in the CSS.
 */
export const LiveCursor = memo(function LiveCursor({
  userId,
  getProfile,
  avatarOrigins,
  messagesPerSecond,
  minIntervalMs,
}: LiveCursorProps) {
  const cursor = useCursor(userId, { messagesPerSecond, minIntervalMs });
  const profile = useDisplayProfile(cursor?.occupant, { getProfile, avatarOrigins });
  if (cursor === undefined || profile === undefined) return null;
  const style = {
    '--pk-cursor-x': cursor.x,
    '--pk-cursor-y': cursor.y,
    '--pk-cursor-color': profile.color,
    '--pk-cursor-text': profile.textColor,
  } as CSSProperties;
  return (
    <div className="pk-cursor" style={style} data-user-id={userId}>
      <svg className="pk-cursor__arrow" viewBox="0 0 16 16" width="16" height="16">
        <path d="M1.5 1.5 6.5 14.5 8.5 8.5 14.5 6.5Z" />
      </svg>
      <span className="pk-cursor__name">{profile.name}</span>
    </div>
  );
});
