import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE_LIMITS } from '../../../src/core/facade/limits.js';
import { freezeState, stateSize } from '../../../src/core/model/stateObject.js';
import { checkFrozenState } from '../../../src/core/model/validateState.js';

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
