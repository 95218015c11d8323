import type { DirectoryContext, DirectoryPlugin } from '../facade/DirectoryPlugin.js';
import { PRESENCE_DEFAULTS } from '../facade/limits.js';
import { PresenceError } from '../facade/PresenceError.js';
import { Directory } from './Directory.js';

/** Options of `whereNowDirectory`. */
export interface WhereNowDirectoryOptions {
  /** The shared presence channel every user of the app joins. @default 'pk-directory' */
  channelName?: string;
}

// One function for every plugin value, so two equal options stay equal by value.
function openDirectory(plugin: DirectoryPlugin, context: DirectoryContext): Directory {
  return new Directory(context, plugin.channelName);
}

/**
 * The opt-in directory that makes `whereNow(otherUser)` answer for users in rooms we are not in:
 * `createPresence({ client, userId, directory: whereNowDirectory() })`. Cost: every user of the
 * app joins one shared presence channel and receives everyone's joins and leaves (O(N²) presence
 * traffic app-wide), so keep it off for large apps. Nothing of it ships until this is imported.
 *
 * Throws `PresenceError` (`INVALID_ARGUMENT`) on a bad `channelName`.
 */
export function whereNowDirectory(options: WhereNowDirectoryOptions = {}): DirectoryPlugin {
  if (typeof options !== 'object' || options === null) {
    throw new PresenceError('INVALID_ARGUMENT', 'whereNowDirectory', 'options must be an object');
  }
  const { channelName = PRESENCE_DEFAULTS.directoryChannel } = options;
  if (typeof channelName !== 'string' || channelName === '') {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      'whereNowDirectory',
      'directory.channelName must be a non-empty string',
    );
  }
  return Object.freeze({ feature: 'whereNowDirectory', channelName, open: openDirectory });
}
