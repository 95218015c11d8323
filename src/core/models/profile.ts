import { initialsOf } from './initialsOf.js';
import { safeAvatarUrl } from './safeAvatarUrl.js';
import { DISPLAY_TEXT_MAX, sanitizeDisplayText } from './sanitizeDisplayText.js';
import { safeColor, stableColor, textColorOn } from './stableColor.js';

/** What an app says about a user for display. Every field may come from remote data. */
export interface Profile {
  /** Display name. Sanitised before it is shown; the user id stands in when empty. */
  name: string;
  /** Avatar image URL; shown only if it passes the avatar URL policy (`https:`). */
  avatarUrl?: string;
  /** `#rgb` or `#rrggbb`; anything else falls back to a colour derived from the user id. */
  color?: string;
}

/** The least a profile is read from: an occupant (or anything with a user id and a state). */
export interface ProfileSource {
  readonly userId: string;
  readonly state: Readonly<Partial<Record<string, string>>>;
}

/**
 * Reads a profile from an occupant, for apps that keep names elsewhere (their own user table).
 * Components and hooks take it as `getProfile`; without one they use {@link defaultProfile}.
 */
export type GetProfile<O extends ProfileSource = ProfileSource> = (occupant: O) => Profile;

/** How untrusted profile data is narrowed before display. */
export interface ProfilePolicy {
  /** Origins avatar URLs must come from (such as `['https://cdn.example.com']`); any `https:` without. */
  avatarOrigins?: readonly string[];
  /** Cap on a name's length in code points. @default 64 */
  maxNameLength?: number;
}

/** A profile ready to render: every field checked, nothing left to trust. */
export interface DisplayProfile {
  readonly userId: string;
  /** Sanitised name, never empty (the sanitised user id, or `'?'`). */
  readonly name: string;
  readonly initials: string;
  /** A URL that passed the policy, or `undefined`: then show the initials. */
  readonly avatarUrl: string | undefined;
  /** Background colour for the initials: the user's safe colour or {@link stableColor}. */
  readonly color: string;
  /** `#fff` or `#000`, whichever reads on `color`. */
  readonly textColor: string;
}

/**
 * The profile convention: the occupant's state keys `name`, `avatar` (image URL) and `color`,
 * with the user id as the name when `name` is missing or empty.
 *
 * @example
 * await presence.setState('lobby', { name: 'Ada', avatar: 'https://…/ada.png', color: '#0369a1' });
 */
export function defaultProfile(occupant: ProfileSource): Profile {
  const { name, avatar, color } = occupant.state;
  const profile: Profile = { name: name !== undefined && name !== '' ? name : occupant.userId };
  if (avatar !== undefined) profile.avatarUrl = avatar;
  if (color !== undefined) profile.color = color;
  return profile;
}

/**
 * The profile every component renders: `getProfile` (or {@link defaultProfile}) read, then made
 * safe. A malformed `getProfile` result (not an object, wrong types) degrades to the user id and initials.
 */
export function resolveProfile<O extends ProfileSource>(
  occupant: O,
  getProfile?: GetProfile<O>,
  policy: ProfilePolicy = {},
): DisplayProfile {
  const raw = readProfile(occupant, getProfile);
  const name = safeName(raw, occupant.userId, policy);
  const color = safeColor(raw?.color) ?? stableColor(occupant.userId);
  return {
    userId: occupant.userId,
    name,
    initials: initialsOf(name),
    avatarUrl: safeAvatarUrl(raw?.avatarUrl, policy.avatarOrigins),
    color,
    textColor: textColorOn(color),
  };
}

/**
 * Only the sanitised display name of {@link resolveProfile}, for callers that sort or filter by
 * name (a list's order) and need none of the colour, initials or URL work.
 */
export function displayNameOf<O extends ProfileSource>(
  occupant: O,
  getProfile?: GetProfile<O>,
  policy: Pick<ProfilePolicy, 'maxNameLength'> = {},
): string {
  return safeName(readProfile(occupant, getProfile), occupant.userId, policy);
}

function safeName(
  raw: Partial<Record<keyof Profile, unknown>> | undefined,
  userId: string,
  policy: Pick<ProfilePolicy, 'maxNameLength'>,
): string {
  const max = policy.maxNameLength ?? DISPLAY_TEXT_MAX;
  return sanitizeDisplayText(raw?.name, max) || sanitizeDisplayText(userId, max) || '?';
}

function readProfile<O extends ProfileSource>(
  occupant: O,
  getProfile: GetProfile<O> | undefined,
): Partial<Record<keyof Profile, unknown>> | undefined {
  // App code may hand back remote data as is: treat its result as unknown. (A throw is the app's
  // bug and is left to surface.)
  const profile: unknown = (getProfile ?? defaultProfile)(occupant);
  return typeof profile === 'object' && profile !== null ? profile : undefined;
}
