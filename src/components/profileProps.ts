import { useMemo } from 'react';
import {
  resolveProfile,
  type DisplayProfile,
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
 * Internal: an occupant's sanitised profile, recomputed only when the occupant record (or the
 * profile props' content) changes.
 */
export function useDisplayProfile(
  occupant: Occupant | undefined,
  { getProfile, avatarOrigins }: ProfileProps,
): DisplayProfile | undefined {
  // Keyed on the origins' content: an inline array must not recompute every render.
  const origins = avatarOrigins?.join(' ');
  return useMemo(() => {
    if (occupant === undefined) return undefined;
    const policy: ProfilePolicy = {};
    if (origins !== undefined) policy.avatarOrigins = origins === '' ? [] : origins.split(' ');
    return resolveProfile(occupant, getProfile, policy);
  }, [occupant, getProfile, origins]);
}
