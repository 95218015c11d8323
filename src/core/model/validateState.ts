import type { StateLimits } from '../facade/limits.js';
import { FORBIDDEN_STATE_KEYS } from '../facade/limits.js';
import type { PresenceErrorCode } from '../facade/PresenceError.js';
import { noteStateSize, nullObject } from './stateObject.js';

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

const hasOwn = Object.prototype.hasOwnProperty;

function problem(code: PresenceErrorCode, reason: string): StateProblem {
  return { code, reason };
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
 * Walks one state object against `limits` without trusting it, writing each accepted pair into
 * `out` (a null-prototype object, see `nullObject`): a plain object of string values, at most
 * `maxKeys` pairs, sizes within bounds, no prototype keys. Stops at the first problem, so a
 * 1000-key object costs at most `maxKeys + 1` key visits after its keys are listed. Returns the number
 * of pairs written, or the problem. (A target rather than a callback: a cold presence_state
 * checks 10,000 states, and a closure per state was one more allocation each.)
 */
function walkState(
  value: unknown,
  limits: StateLimits,
  out: Record<string, string>,
): StateProblem | number {
  if (!isPlainObject(value)) return problem('INVALID_ARGUMENT', 'state must be a plain object');
  // Own keys by `for...in` with the own check: the keys `Object.keys` lists, in its order, with
  // no key array per state. All are counted before any is checked, as with `Object.keys`.
  let count = 0;
  for (const key in value) {
    if (hasOwn.call(value, key) && ++count > limits.maxKeys)
      return problem('STATE_COUNT_OVERFLOW', `state has more than ${limits.maxKeys} keys`);
  }
  let total = 0;
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    const keyProblem = checkKey(key, limits);
    if (keyProblem) return keyProblem;
    const item = value[key];
    if (typeof item !== 'string')
      return problem(
        'INVALID_STATE_VALUE',
        `state value of ${JSON.stringify(key)} is not a string`,
      );
    if (item.length > limits.maxValueLength) {
      return problem(
        'STATE_VALUE_SIZE_OVERFLOW',
        `state value of ${JSON.stringify(key)} is longer than ${limits.maxValueLength} characters`,
      );
    }
    total += key.length + item.length;
    if (total > limits.maxTotalLength)
      return problem(
        'STATE_VALUE_SIZE_OVERFLOW',
        `state is larger than ${limits.maxTotalLength} characters`,
      );
    out[key] = item;
  }
  return count;
}

/** Checks one state object against `limits` (see `walkState`); its pairs in insertion order. */
export function checkState(value: unknown, limits: StateLimits): StateCheck {
  const out = nullObject();
  const found = walkState(value, limits, out);
  // `out` holds the pairs in the order `Object.keys` gave them, which `Object.entries` keeps.
  return typeof found === 'number'
    ? { ok: true, pairs: Object.entries(out) }
    : { ok: false, problem: found };
}

/**
 * Checks and freezes in one pass: the accepted pairs go straight into the frozen null-prototype
 * object the store keeps (a remote meta's state is read once, never as an intermediate list).
 */
export function checkFrozenState<S extends Record<string, string>>(
  value: unknown,
  limits: StateLimits,
): { ok: true; state: Readonly<S> } | { ok: false; problem: StateProblem } {
  const out = nullObject();
  const size = walkState(value, limits, out);
  if (typeof size !== 'number') return { ok: false, problem: size };
  const state = Object.freeze(out) as Readonly<S>;
  noteStateSize(state, size);
  return { ok: true, state };
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
