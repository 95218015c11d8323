/**
 * Agora RTM presence error codes (−13001 … −13013) plus the string errors Agora throws, so code
 * written against Agora's `ErrorInfo` keeps working.
 */
export const PRESENCE_ERROR_CODES = {
  NOT_CONNECTED: -13001,
  NOT_WRITABLE: -13002,
  INVALID_ARGUMENT: -13003,
  CACHED_TOO_MANY_STATES: -13004,
  STATE_COUNT_OVERFLOW: -13005,
  INVALID_STATE_KEY: -13006,
  INVALID_STATE_VALUE: -13007,
  STATE_KEY_SIZE_OVERFLOW: -13008,
  STATE_VALUE_SIZE_OVERFLOW: -13009,
  STATE_DUPLICATE_KEY: -13010,
  USER_NOT_EXIST: -13011,
  OPERATION_TIMEOUT: -13012,
  OPERATION_FAILED: -13013,
  /** Not in Agora: a remote payload failed validation and was dropped. */
  INVALID_REMOTE_PAYLOAD: -13100,
  /** Not in Agora: the server shut the channel down (rate limit, token expiry, ...). */
  CHANNEL_SHUTDOWN: -13101,
  /** Not in Agora: a mic seat is held by an earlier claim. */
  SEAT_TAKEN: -13102,
  /** Not in Agora: the host locked that mic seat. */
  SEAT_LOCKED: -13103,
  /** Not in Agora: only the room's host may do that (lock, unlock, kick a seat). */
  NOT_HOST: -13104,
} as const;

/** The name of a presence error code, e.g. `'USER_NOT_EXIST'`. */
export type PresenceErrorCode = keyof typeof PRESENCE_ERROR_CODES;

/** Thrown (as a rejection) by every facade call and reported through `error` listeners. */
export class PresenceError extends Error {
  /** Always `true`: Agora's `ErrorInfo.error`. */
  readonly error = true as const;
  /** The call that failed, e.g. `'setState'`. */
  readonly operation: string;
  /** Agora's numeric code, e.g. `-13011`. */
  readonly errorCode: number;
  /** Human-readable reason (also the `message`). */
  readonly reason: string;
  /** The code's name, e.g. `'USER_NOT_EXIST'`. */
  readonly code: PresenceErrorCode;

  constructor(code: PresenceErrorCode, operation: string, reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = 'PresenceError';
    this.code = code;
    this.operation = operation;
    this.errorCode = PRESENCE_ERROR_CODES[code];
    this.reason = reason;
  }
}

/** Narrows an unknown rejection to a `PresenceError`. */
export function isPresenceError(value: unknown): value is PresenceError {
  return value instanceof PresenceError;
}
