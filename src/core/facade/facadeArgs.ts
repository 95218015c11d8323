import { PresenceError } from './PresenceError.js';
import type { ChannelType, WhoNowOptions } from '../types.js';
import { isPlainObject } from '../model/validateState.js';

/** True for Agora's channel type strings. */
export function isChannelType(value: unknown): value is ChannelType {
  return value === 'MESSAGE' || value === 'STREAM';
}

/** Checks an optional channel type argument. */
export function checkChannelType(value: unknown, operation: string): ChannelType | undefined {
  if (value === undefined || isChannelType(value)) return value;
  throw new PresenceError(
    'INVALID_ARGUMENT',
    operation,
    `channelType must be 'MESSAGE' or 'STREAM'`,
  );
}

/** Checks a channel name: a non-empty string. */
export function checkChannelName(value: unknown, operation: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      operation,
      'channelName must be a non-empty string',
    );
  }
  return value;
}

/** Checks a user id: a non-empty string. */
export function checkUserId(value: unknown, operation: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new PresenceError('INVALID_ARGUMENT', operation, 'userId must be a non-empty string');
  }
  return value;
}

/**
 * Splits Agora's optional middle argument: `(name, type, rest)` when the second argument is a
 * string (it must then be 'MESSAGE' or 'STREAM'), else `(name, rest)`.
 */
export function splitChannelType(
  second: unknown,
  third: unknown,
  operation: string,
): { channelType: ChannelType | undefined; rest: unknown } {
  if (typeof second === 'string') {
    if (!isChannelType(second))
      throw new PresenceError(
        'INVALID_ARGUMENT',
        operation,
        `channelType must be 'MESSAGE' or 'STREAM'`,
      );
    return { channelType: second, rest: third };
  }
  return { channelType: undefined, rest: second };
}

/** Checks `removeState` options: `{ states?: string[] }`. */
export function checkRemoveOptions(value: unknown, operation: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value))
    throw new PresenceError('INVALID_ARGUMENT', operation, 'options must be an object');
  const states = value.states;
  if (states === undefined) return undefined;
  if (!Array.isArray(states) || !states.every((key) => typeof key === 'string')) {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      operation,
      'options.states must be an array of strings',
    );
  }
  return states as string[];
}

/** Checks that whoNow options are an object (field checks happen in `normalizeWhoNowOptions`). */
export function checkWhoNowOptions(value: unknown, operation: string): WhoNowOptions | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value))
    throw new PresenceError('INVALID_ARGUMENT', operation, 'options must be an object');
  return value as WhoNowOptions;
}

/** Wraps anything thrown by supabase-js or a bug into a `PresenceError`, so rejections are uniform. */
export function asPresenceError(error: unknown, operation: string): PresenceError {
  if (error instanceof PresenceError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new PresenceError('OPERATION_FAILED', operation, reason, { cause: error });
}
