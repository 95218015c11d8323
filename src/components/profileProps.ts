import { useMemo } from 'react';
import {
  defaultProfile,
  resolveProfile,
  type DisplayProfile,
  type Profile,
  type GetProfile,
  type Occupant,
  type ProfilePolicy,
} from '../core/index.js';

/** Profile props every component takes. */
export interface ProfileProps {
  /**
   * Reads a user's name, avatar and colour from elsewhere (your user table). Default: the
   * occupant's state keys `name`, `avatar` and `color`, with the user id as the name.
   */
  getProfile?: GetProfile<Occupant> | undefined;
  /** Origins avatar URLs must come from (`['https://cdn.example.com']`); any `https:` without. */
  avatarOrigins?: readonly string[] | undefined;
}

/**
 * Internal: an occupant's sanitised profile, recomputed only when what it is made of changes (the
 * raw name, avatar URL and colour `getProfile` reads, or the origins), not on every change of the
 * occupant record: a mute, a status or a typing flag keeps the same profile object, and skips the
 * sanitising, initials and colour work.
 */
export function useDisplayProfile(
  occupant: Occupant | undefined,
  { getProfile, avatarOrigins }: ProfileProps,
): DisplayProfile | undefined {
  // Keyed on the origins' content: an inline array must not recompute every render.
  const origins = avatarOrigins?.join(' ');
  // The app's reader may hand back remote data as is: read it as unknown, as resolveProfile does.
  const read: unknown =
    occupant === undefined ? undefined : (getProfile ?? defaultProfile)(occupant);
  const raw = typeof read === 'object' && read !== null ? (read as Record<string, unknown>) : {};
  const { name, avatarUrl, color } = raw;
  const userId = occupant?.userId;
  return useMemo(() => {
    if (userId === undefined) return undefined;
    const policy: ProfilePolicy = {};
    if (origins !== undefined) policy.avatarOrigins = origins === '' ? [] : origins.split(' ');
    // The fields already read, passed back through as the profile; resolveProfile checks each.
    const fields = { name, avatarUrl, color } as unknown as Profile;
    return resolveProfile({ userId, state: {} }, () => fields, policy);
  }, [userId, name, avatarUrl, color, origins]);
}
