import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE_LIMITS } from '../../../src/core/facade/limits.js';
import { freezeState, stateSize } from '../../../src/core/model/stateObject.js';
import { checkFrozenState, checkState } from '../../../src/core/model/validateState.js';

function checked(value: unknown): Readonly<Record<string, string>> {
  const result = checkFrozenState(value, DEFAULT_STATE_LIMITS);
  if (!result.ok) throw new Error(result.problem.reason);
  return result.state;
}

describe('stateSize', () => {
  it('counts every state right, whichever a check counted last', () => {
    const two = checked({ a: '1', b: '2' });
    const five = checked({ a: '1', b: '2', c: '3', d: '4', e: '5' });
    // The last checked state is counted by its check; any other state by its keys.
    expect(stateSize(five)).toBe(5);
    expect(stateSize(two)).toBe(2);
    expect(stateSize(freezeState([['x', 'y']]))).toBe(1);
    expect(stateSize({})).toBe(0);
    const empty = checked({});
    expect(stateSize(empty)).toBe(0);
    expect(stateSize(five)).toBe(5);
  });

  it('a refused state leaves the last count alone', () => {
    const three = checked({ a: '1', b: '2', c: '3' });
    expect(checkFrozenState({ a: '1', b: 2 }, DEFAULT_STATE_LIMITS).ok).toBe(false);
    expect(stateSize(three)).toBe(3);
    expect(stateSize(checked({ z: '' }))).toBe(1);
  });
});

describe('state objects', () => {
  it('checked, frozen and merged states are frozen, null-prototype and keep the key order', () => {
    const raw = JSON.parse('{"b":"1","2":"x","a":"2","1":"y"}') as unknown;
    const pairs = checkState(raw, DEFAULT_STATE_LIMITS);
    if (!pairs.ok) throw new Error(pairs.problem.reason);
    expect(pairs.pairs).toEqual(Object.entries(raw as Record<string, string>));
    for (const state of [checked(raw), freezeState(pairs.pairs)]) {
      expect(Object.getPrototypeOf(state)).toBeNull();
      expect(Object.isFrozen(state)).toBe(true);
      expect(Object.keys(state)).toEqual(['1', '2', 'b', 'a']);
    }
  });

  it('a prototype key is refused, never written', () => {
    const raw = JSON.parse('{"a":"1","__proto__":"x"}') as unknown;
    expect(checkState(raw, DEFAULT_STATE_LIMITS).ok).toBe(false);
    const result = checkFrozenState(raw, DEFAULT_STATE_LIMITS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('INVALID_STATE_KEY');
  });
});

describe('walking a state', () => {
  it('reads own keys only, even when Object.prototype has an enumerable key', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'yes';
    try {
      const state = checked(JSON.parse('{"a":"1"}'));
      expect(Object.keys(state)).toEqual(['a']);
      expect(stateSize(state)).toBe(1);
    } finally {
      delete proto.polluted;
    }
  });

  it('counts the keys before checking any (too many keys wins over a bad first key)', () => {
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']));
    const result = checkFrozenState({ constructor: 'x', ...many }, DEFAULT_STATE_LIMITS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('STATE_COUNT_OVERFLOW');
  });
});
