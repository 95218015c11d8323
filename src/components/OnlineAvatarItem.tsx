import { memo } from 'react';
import { useOccupant } from '../react/index.js';
import { Avatar } from './Avatar.js';
import { dotStatusOf } from './occupantStatus.js';
import type { OnlineAvatarsLabels } from './onlineAvatarsLabels.js';
import { useDisplayProfile, type ProfileProps } from './profileProps.js';

/** Props of one avatar row. */
export interface OnlineAvatarItemProps extends ProfileProps {
  /** Whose avatar: the item subscribes to this user alone. */
  userId: string;
  /** The announced name's words (OnlineAvatars passes its resolved labels). */
  labels: OnlineAvatarsLabels;
}

/**
 * Internal: one user's avatar. It subscribes to that user alone, so a change to anyone else never
 * re-renders it, and the list above it re-renders only when people come or go.
 */
export const OnlineAvatarItem = memo(function OnlineAvatarItem({
  userId,
  labels,
  getProfile,
  avatarOrigins,
}: OnlineAvatarItemProps) {
  const occupant = useOccupant(userId);
  const profile = useDisplayProfile(occupant, { getProfile, avatarOrigins });
  if (occupant === undefined || profile === undefined) return null;
  const status = dotStatusOf(occupant);
  const name = labels.avatar(profile.name, status, occupant.isSelf);
  return (
    <li
      className="pk-avatars__item"
      data-status={status}
      data-leaving={occupant.status === 'leaving' || undefined}
      data-self={occupant.isSelf || undefined}
      title={name}
    >
      <Avatar profile={profile} />
      <span className="pk-avatars__dot" aria-hidden="true" />
      <span className="pk-visually-hidden">{name}</span>
    </li>
  );
});

/** Internal: one user's name in the overflow popover, subscribed to that user alone. */
export const OverflowName = memo(function OverflowName({
  userId,
  getProfile,
  avatarOrigins,
}: ProfileProps & { userId: string }) {
  const profile = useDisplayProfile(useOccupant(userId), { getProfile, avatarOrigins });
  return profile === undefined ? null : <li>{profile.name}</li>;
});
