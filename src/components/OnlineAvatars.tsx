import { forwardRef, useCallback, type CSSProperties, type HTMLAttributes } from 'react';
import type { RoomState } from '../core/index.js';
import { useOtherUserIds, usePresence } from '../react/index.js';
import { useLabels } from './labels.js';
import { cx } from './occupantStatus.js';
import { OnlineAvatarItem } from './OnlineAvatarItem.js';
import { ONLINE_AVATARS_LABELS, type OnlineAvatarsLabels } from './onlineAvatarsLabels.js';
import { OverflowMenu } from './OverflowMenu.js';
import type { ProfileProps } from './profileProps.js';

/** Props of {@link OnlineAvatars}. Other `<div>` attributes pass through to the root. */
export interface OnlineAvatarsProps
  extends ProfileProps, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Avatars shown at most; the others sit behind a `+N` button. @default 5 */
  max?: number;
  /** Avatar size in CSS pixels (sets `--pk-avatar-size`). @default 32 */
  size?: number;
  /** Include ourselves, first. @default true */
  showSelf?: boolean;
  /** Overrides of the visible and announced strings. */
  labels?: Partial<OnlineAvatarsLabels>;
}

const selfIdIfPresent = (room: RoomState) => (room.occupants.has(room.selfId) ? room.selfId : null);

/**
 * Who is here, as a row of avatars: one per user however many tabs they have, each named for
 * screen readers, with a status dot (online / away / stale) and faded while they are leaving.
 * Each avatar subscribes to its own user, and the row only to who is present, so an update costs
 * the same in a room of 10 or 10,000. State shows as `data-count` and `data-overflow`.
 *
 * @example
 * <OnlineAvatars max={5} size={32} />
 */
export const OnlineAvatars = forwardRef<HTMLDivElement, OnlineAvatarsProps>(function OnlineAvatars(
  {
    max = 5,
    size = 32,
    showSelf = true,
    labels,
    getProfile,
    avatarOrigins,
    className,
    style,
    ...rest
  },
  ref,
) {
  const text = useLabels(ONLINE_AVATARS_LABELS, labels);
  const others = useOtherUserIds();
  const selfId = usePresence(selfIdIfPresent);
  const self = showSelf ? selfId : null;
  const total = others.length + (self === null ? 0 : 1);
  const limit = Math.max(0, Math.floor(max));
  // Only the shown slice is built per membership change, never the whole room.
  const shown = self === null ? others.slice(0, limit) : [self, ...others.slice(0, limit - 1)];
  if (limit === 0) shown.length = 0;
  const hidden = useCallback(
    () => (self === null ? others.slice(limit) : others.slice(Math.max(0, limit - 1))),
    [others, self, limit],
  );
  const profile = { getProfile, avatarOrigins };
  return (
    <div
      ref={ref}
      className={cx('pk-avatars', className)}
      style={{ '--pk-avatar-size': `${size}px`, ...style } as CSSProperties}
      data-count={total}
      data-overflow={total - shown.length}
      {...rest}
    >
      <ul className="pk-avatars__list" aria-label={text.list(total)}>
        {shown.map((userId) => (
          <OnlineAvatarItem key={userId} userId={userId} labels={text} {...profile} />
        ))}
      </ul>
      {total > shown.length && (
        <OverflowMenu rest={hidden} count={total - shown.length} labels={text} {...profile} />
      )}
    </div>
  );
});
