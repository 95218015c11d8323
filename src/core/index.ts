/** The framework-free presence engine: public API. */
export { createPresence } from './createPresence.js';
export { PresenceError, isPresenceError, PRESENCE_ERROR_CODES } from './PresenceError.js';
export type { PresenceErrorCode } from './PresenceError.js';
export { DEFAULT_STATE_LIMITS, PRESENCE_DEFAULTS, FORBIDDEN_STATE_KEYS } from './limits.js';
export type { StateLimits } from './limits.js';
export {
  selectWhoNow,
  createWhoNowSelector,
  selectUserState,
  selectOccupant,
  selectOthers,
  toUserStateRecord,
} from './selectors.js';
export { encodeBookmark, decodeBookmark } from './bookmark.js';
export type * from './types.js';
