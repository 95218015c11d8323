/** The framework-free presence engine: public API. */
export { createPresence } from './facade/createPresence.js';
export { PresenceError, isPresenceError, PRESENCE_ERROR_CODES } from './facade/PresenceError.js';
export type { PresenceErrorCode } from './facade/PresenceError.js';
export { DEFAULT_STATE_LIMITS, PRESENCE_DEFAULTS, FORBIDDEN_STATE_KEYS } from './facade/limits.js';
export type { StateLimits } from './facade/limits.js';
export {
  selectWhoNow,
  createWhoNowSelector,
  selectUserState,
  selectOccupant,
  selectOthers,
  toUserStateRecord,
} from './queries/selectors.js';
export { encodeBookmark, decodeBookmark } from './queries/bookmark.js';
export type * from './types.js';
export type * from './facade/Presence.js';
export type * from './facade/PresenceOptions.js';
export type * from './facade/DirectoryPlugin.js';
export type * from './facade/IdentityPlugin.js';
export { defaultProfile, displayNameOf, resolveProfile } from './models/profile.js';
export type * from './models/profile.js';
export { sanitizeDisplayText, DISPLAY_TEXT_MAX } from './models/sanitizeDisplayText.js';
export { safeAvatarUrl, AVATAR_URL_MAX } from './models/safeAvatarUrl.js';
export { initialsOf } from './models/initialsOf.js';
export { stableColor, safeColor, textColorOn } from './models/stableColor.js';
export { createTyping } from './models/createTyping.js';
export { TYPING_DEFAULTS } from './models/typingTypes.js';
export type * from './models/typingTypes.js';
export { TYPING_EVENT } from './models/typingSignal.js';
export { createCursors } from './models/createCursors.js';
export { CURSOR_DEFAULTS } from './models/cursorTypes.js';
export type * from './models/cursorTypes.js';
export { CURSOR_EVENT } from './models/cursorSignal.js';
export { createIdle } from './models/createIdle.js';
export { IDLE_DEFAULTS } from './models/idleTypes.js';
export type * from './models/idleTypes.js';
export { domActivity } from './models/domActivity.js';
export { createMicSeats } from './models/createMicSeats.js';
export { SEAT_STATE_KEYS, SPEAKING_LEVEL_EVENT, MAX_SEATS } from './models/seatState.js';
export type * from './models/seatTypes.js';
export { diffSortedIds } from './models/diffSortedIds.js';
export * from './identity/index.js';
export { RemotePayloadError } from './inbound/RemotePayloadError.js';
