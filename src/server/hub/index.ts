export { createHub } from './createHub.js';
export { DEFAULT_ANON_KEY, DEFAULT_JWT_SECRET, signToken, verifyToken } from './auth.js';
export type { JwtClaims, TokenCheck, TokenError } from './auth.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { Limits } from './limits.js';
export type { Meta, PresenceDiff, PresenceMap } from './presenceTopic.js';
export type { RestRequest, RestResponse } from './restTypes.js';
export type * from './types.js';
