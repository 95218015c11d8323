import { PresenceError } from '../facade/PresenceError.js';

/** The seat codes a seat action rejects with (plus the engine's own from `setState`). */
export type SeatErrorCode =
  'SEAT_TAKEN' | 'SEAT_LOCKED' | 'NOT_HOST' | 'INVALID_ARGUMENT' | 'OPERATION_FAILED';

/** A `PresenceError` for a seat action: the one place the models reach into the engine. */
export function seatError(code: SeatErrorCode, operation: string, reason: string): PresenceError {
  return new PresenceError(code, operation, reason);
}
