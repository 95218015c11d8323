import { PresenceError } from './PresenceError.js';
import { PresenceClient } from './PresenceClient.js';
import { resolveSettings } from './settings.js';
import type { PresenceConfig } from './PresenceOptions.js';
import type { UserState } from '../types.js';
import type { Presence } from './Presence.js';

/**
 * Creates the presence engine for one signed-in user: an Agora-shaped facade over one
 * supabase-js channel per room, with a reconciled zustand store per room.
 *
 * Opt-in features come from imports of their own, so an app ships only those it turns on:
 * `directory: whereNowDirectory()` (`presence-kit/directory`) and
 * `identity: verifiedIdentity({ publicKey, require, attest })` (`presence-kit/identity`).
 *
 * Throws `PresenceError` (`INVALID_ARGUMENT`) on a bad config, including the old forms
 * `directory: true` and a plain `identity` object.
 *
 * @example
 * ```ts
 * const presence = createPresence<{ mood: string }>({ client: supabase, userId: user.id });
 * const room = await presence.join('lobby', { initialState: { mood: 'happy' } });
 * await presence.setState('lobby', { mood: 'busy' });
 * const { totalOccupancy, occupants } = await presence.whoNow('lobby', { includedState: true });
 * ```
 */
export function createPresence<S extends UserState = UserState>(
  config: PresenceConfig,
): Presence<S> {
  if (typeof config !== 'object' || config === null) {
    throw new PresenceError('INVALID_ARGUMENT', 'createPresence', 'config must be an object');
  }
  const { client, userId, ...options } = config;
  if (typeof client !== 'object' || client === null || typeof client.channel !== 'function') {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      'createPresence',
      'client must be a supabase-js client',
    );
  }
  if (typeof userId !== 'string' || userId.length === 0) {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      'createPresence',
      'userId must be a non-empty string',
    );
  }
  return new PresenceClient<S>(client, userId, resolveSettings(userId, options));
}
