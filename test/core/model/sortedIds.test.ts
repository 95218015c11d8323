import { describe, expect, it } from 'vitest';
import { applyIdChanges, searchIds } from '../../../src/core/model/sortedIds.js';

describe('sorted id arrays', () => {
  it('inserts and removes one id with a binary search, returning a new array', () => {
    const ids = ['a', 'c', 'e'];
    const added = applyIdChanges(ids, ['d'], new Set());
    expect(added).toEqual(['a', 'c', 'd', 'e']);
    expect(ids).toEqual(['a', 'c', 'e']);
    expect(applyIdChanges(added, [], new Set(['a']))).toEqual(['c', 'd', 'e']);
  });

  it('returns the very same array when membership did not change', () => {
    const ids = ['a'];
    expect(applyIdChanges(ids, [], new Set())).toBe(ids);
  });

  it('merges a large batch of adds and removes in order', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `u${String(i).padStart(3, '0')}`);
    const adds = ['u050x', 'a', 'zz', 'u000x'];
    const next = applyIdChanges(ids, adds, new Set(['u001', 'u099']));
    expect(next).toEqual([...next].sort());
    expect(next).toHaveLength(102);
    expect(next).toContain('u050x');
    expect(next).not.toContain('u001');
  });

  it('finds the first id after a bookmark even when the bookmark id is gone', () => {
    const ids = ['a', 'b', 'd'];
    expect(searchIds(ids, 'b', true)).toBe(2);
    expect(searchIds(ids, 'c', true)).toBe(2);
    expect(searchIds(ids, 'd', true)).toBe(3);
    expect(searchIds(ids, 'b')).toBe(1);
  });
});
