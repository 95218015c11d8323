import type { StateLimits } from './limits.js';
import { FORBIDDEN_STATE_KEYS } from './limits.js';
import type { PresenceErrorCode } from './PresenceError.js';

/** Why a state object was refused: the Agora code and a readable reason. */
export interface StateProblem {
  readonly code: PresenceErrorCode;
  readonly reason: string;
}

/** A checked state: its pairs in insertion order, or the first problem found. */
export type StateCheck =
  { ok: true; pairs: [string, string][] } | { ok: false; problem: StateProblem };

/** True for `{}`-style objects: not arrays, class instances, Maps or functions. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function fail(code: PresenceErrorCode, reason: string): StateCheck {
  return { ok: false, problem: { code, reason } };
}

function checkKey(key: string, limits: StateLimits): StateProblem | null {
  if (key.length === 0 || FORBIDDEN_STATE_KEYS.has(key)) {
    return { code: 'INVALID_STATE_KEY', reason: `state key ${JSON.stringify(key)} is not allowed` };
  }
  if (key.length > limits.maxKeyLength) {
    return {
      code: 'STATE_KEY_SIZE_OVERFLOW',
      reason: `state key longer than ${limits.maxKeyLength} characters`,
    };
  }
  return null;
}

/**
 * Checks one state object against `limits` without trusting it: a plain object of string values,
 * at most `maxKeys` pairs, sizes within bounds, no prototype keys. Stops at the first problem, so a
 * 1000-key object costs at most `maxKeys + 1` key visits after `Object.keys`.
 */
export function checkState(value: unknown, limits: StateLimits): StateCheck {
  if (!isPlainObject(value)) return fail('INVALID_ARGUMENT', 'state must be a plain object');
  const keys = Object.keys(value);
  if (keys.length > limits.maxKeys) {
    return fail('STATE_COUNT_OVERFLOW', `state has more than ${limits.maxKeys} keys`);
  }
  const pairs: [string, string][] = [];
  let total = 0;
  for (const key of keys) {
    const keyProblem = checkKey(key, limits);
    if (keyProblem) return { ok: false, problem: keyProblem };
    const item = value[key];
    if (typeof item !== 'string')
      return fail('INVALID_STATE_VALUE', `state value of ${JSON.stringify(key)} is not a string`);
    if (item.length > limits.maxValueLength) {
      return fail(
        'STATE_VALUE_SIZE_OVERFLOW',
        `state value of ${JSON.stringify(key)} is longer than ${limits.maxValueLength} characters`,
      );
    }
    total += key.length + item.length;
    if (total > limits.maxTotalLength)
      return fail(
        'STATE_VALUE_SIZE_OVERFLOW',
        `state is larger than ${limits.maxTotalLength} characters`,
      );
    pairs.push([key, item]);
  }
  return { ok: true, pairs };
}

/** Counts the keys of `base` merged with `patchKeys` (keys already in `base` do not count twice). */
export function mergedKeyCount(
  base: Readonly<Record<string, string>>,
  patchKeys: readonly string[],
): number {
  let count = Object.keys(base).length;
  for (const key of patchKeys) if (!Object.prototype.hasOwnProperty.call(base, key)) count += 1;
  return count;
}
