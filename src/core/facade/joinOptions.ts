import { checkChannelType } from './facadeArgs.js';
import type { StateLimits } from './limits.js';
import { applyStatePatch } from '../model/applyStatePatch.js';
import { PresenceError } from './PresenceError.js';
import type { RoomOptions } from '../channel/RoomOwner.js';
import type { FrozenState } from '../model/stateObject.js';
import { EMPTY_STATE } from '../model/stateObject.js';
import type { JoinOptions, UserState } from '../types.js';
import { isPlainObject } from '../model/validateState.js';

/**
 * Checks `join` options and builds the room's first state: `initialState`, then whatever was
 * cached by setState-before-join on top (it was set explicitly, so it wins). Throws
 * `PresenceError` with Agora's codes; the cache is left untouched for the caller to drop.
 */
export function resolveJoinOptions<S extends UserState>(
  options: JoinOptions<S> | undefined,
  cached: FrozenState<S> | undefined,
  limits: StateLimits,
): RoomOptions<S> {
  if (options !== undefined && !isPlainObject(options)) {
    throw new PresenceError('INVALID_ARGUMENT', 'join', 'options must be an object');
  }
  const channelType = checkChannelType(options?.channelType, 'join') ?? 'MESSAGE';
  const empty = EMPTY_STATE as FrozenState<S>;
  const initial = applyStatePatch(empty, options?.initialState ?? {}, limits, 'join');
  const initialState = applyStatePatch(initial, { ...cached }, limits, 'join');
  return { channelType, withPresence: options?.withPresence !== false, initialState };
}
