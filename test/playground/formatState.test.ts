import { describe, expect, it } from 'vitest';
import { formatState, formatStateChange } from '../../playground/src/formatState.js';

describe('the playground event log words', () => {
  it("a user's first change shows their whole state, kit keys left out", () => {
    expect(formatStateChange(undefined, { name: 'Ada', mood: 'happy', 'pk.seat': '2' })).toBe(
      'name: Ada · mood: happy',
    );
    expect(formatState({ name: 'Ada', 'pk.mic': 'off' })).toBe('name: Ada');
  });

  it('later changes show only what changed, seat and mic in words', () => {
    const before = { name: 'Ada', mood: 'happy' };
    const seated = { ...before, 'pk.seat': '2', 'pk.seatAt': '1700000000000', 'pk.mic': 'on' };
    expect(formatStateChange(before, seated)).toBe('took seat 3');
    expect(formatStateChange(seated, { ...seated, 'pk.mic': 'off' })).toBe('muted');
    expect(formatStateChange({ ...seated, 'pk.mic': 'off' }, seated)).toBe('unmuted');
    expect(formatStateChange(seated, { ...seated, 'pk.seat': '5' })).toBe('took seat 6');
    expect(formatStateChange(seated, { ...seated, mood: 'coffee' })).toBe('mood: coffee');
    expect(formatStateChange(seated, before)).toBe('left their seat');
    expect(formatStateChange(before, { name: 'Ada' })).toBe('mood: (removed)');
  });

  it('a key named like an Object method is an ordinary key', () => {
    expect(formatStateChange({}, { constructor: 'x', 'pk.toString': 'y' })).toBe('constructor: x');
  });
});
