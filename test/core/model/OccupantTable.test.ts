import { describe, expect, it } from 'vitest';
import { HashedOccupantTable } from '../../../src/core/model/OccupantTable.js';
import { hashOf } from '../../../src/core/model/occupantTrie.js';
import type { Occupant } from '../../../src/core/types.js';
import { occupant } from '../helpers/occupant.js';

function tableOf(n: number): HashedOccupantTable {
  const draft = HashedOccupantTable.empty().edit();
  for (let i = 0; i < n; i += 1) draft.set(occupant(`user-${i}`));
  return draft.commit();
}

// FNV-1a pairs found offline: each pair has equal 32-bit hashes (a collision node).
const COLLIDING = ['u31992', 'u605430', 'u31993', 'u605431'];

describe('HashedOccupantTable', () => {
  it('finds exactly what it holds at every small size (searched by id, no hash)', () => {
    expect(hashOf('u31992')).toBe(hashOf('u605430'));
    const ids = [...COLLIDING, 'a', 'b', 'c', 'user-1', 'user-2', 'user-3', '__proto__'];
    for (let n = 0; n <= ids.length; n += 1) {
      const held = new Map(ids.slice(0, n).map((id) => [id, occupant(id)]));
      const draft = HashedOccupantTable.empty().edit();
      for (const o of held.values()) draft.set(o);
      const table = draft.commit();
      expect(table.size).toBe(n);
      for (const id of [...ids, 'nobody', 'toString']) {
        expect(table.get(id)).toBe(held.get(id));
        expect(table.has(id)).toBe(held.has(id));
      }
    }
  });

  it('finds, counts and iterates what was set', () => {
    const table = tableOf(1000);
    expect(table.size).toBe(1000);
    expect(table.get('user-7')?.userId).toBe('user-7');
    expect(table.has('user-1000')).toBe(false);
    expect(new Set([...table].map((o) => o.userId)).size).toBe(1000);
  });

  it('keeps old snapshots valid after an update', () => {
    const before = tableOf(100);
    const draft = before.edit();
    draft.set(occupant('user-1', 'stale'));
    draft.delete('user-2');
    draft.set(occupant('newcomer'));
    const after = draft.commit();
    expect(before.get('user-1')?.status).toBe('online');
    expect(before.has('user-2')).toBe(true);
    expect(before.has('newcomer')).toBe(false);
    expect(before.size).toBe(100);
    expect(after.get('user-1')?.status).toBe('stale');
    expect(after.has('user-2')).toBe(false);
    expect(after.size).toBe(100);
  });

  it('keeps unchanged occupants identical and shares every untouched node', () => {
    const before = tableOf(10_000);
    const draft = before.edit();
    draft.set(occupant('user-42', 'leaving'));
    const after = draft.commit();
    const shared = after.root.slots.filter((slot, i) => slot === before.root.slots[i]).length;
    expect(after.root.slots).toHaveLength(32);
    expect(shared).toBe(31);
    for (let i = 0; i < 10_000; i += 1) {
      if (i !== 42) expect(after.get(`user-${i}`)).toBe(before.get(`user-${i}`));
    }
  });

  it('returns the same snapshot when a draft wrote nothing', () => {
    const table = tableOf(10);
    const draft = table.edit();
    expect(draft.delete('nobody')).toBe(false);
    expect(draft.commit()).toBe(table);
  });

  it('handles prototype-like user ids as plain keys', () => {
    const draft = HashedOccupantTable.empty().edit();
    for (const id of ['__proto__', 'constructor', 'toString']) draft.set(occupant(id));
    const table = draft.commit();
    expect(table.size).toBe(3);
    expect(table.get('__proto__')?.userId).toBe('__proto__');
    expect(table.get('hasOwnProperty')).toBeUndefined();
  });
});

describe('HashedOccupantTable cost of one change', () => {
  /** Slots one draft copies to replace, add or remove one occupant in a table of `n`. */
  function copiesOfOneChange(n: number): number[] {
    const table = tableOf(n);
    const replace = table.edit();
    replace.set(occupant('user-7', 'leaving'));
    const add = table.edit();
    add.set(occupant('newcomer'));
    const remove = table.edit();
    remove.delete('user-9');
    return [replace.copiedSlots, add.copiedSlots, remove.copiedSlots];
  }

  it('copies O(log N) slots per change, not a share of the room', () => {
    // A 32-way trie is at most ⌈log32 N⌉ + 1 levels deep (hash prefixes collide in the last
    // one), each level at most 32 slots: 5 levels are enough for a million occupants.
    for (const n of [1000, 10_000, 100_000]) {
      for (const copied of copiesOfOneChange(n)) expect(copied).toBeLessThanOrEqual(5 * 32);
    }
  });
});

describe('HashedOccupantTable against a Map', () => {
  /** Two ids whose 32-bit hashes are equal (found by search, so the trie's last level is used). */
  function collidingIds(): [string, string] {
    const seen = new Map<number, string>();
    for (let i = 0; ; i += 1) {
      const id = `c-${i}`;
      const other = seen.get(hashOf(id));
      if (other !== undefined) return [other, id];
      seen.set(hashOf(id), id);
    }
  }

  it('stores, replaces and removes ids with equal hashes', () => {
    const [a, b] = collidingIds();
    expect(hashOf(a)).toBe(hashOf(b));
    const draft = tableOf(50).edit();
    draft.set(occupant(a));
    draft.set(occupant(b));
    const both = draft.commit();
    expect(both.size).toBe(52);
    const next = both.edit();
    next.set(occupant(b, 'stale'));
    expect(next.delete(a)).toBe(true);
    expect(next.delete(a)).toBe(false);
    const after = next.commit();
    expect(after.size).toBe(51);
    expect(after.get(a)).toBeUndefined();
    expect(after.get(b)?.status).toBe('stale');
    expect(both.get(a)?.userId).toBe(a);
    expect(both.get(b)?.status).toBe('online');
    expect([...after].filter((o) => o.userId === b)).toHaveLength(1);
  });

  it('matches a Map through random batches, and every older snapshot stays as it was', () => {
    let seed = 7;
    const random = (k: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % k;
    };
    let table = HashedOccupantTable.empty();
    let model = new Map<string, Occupant>();
    const history: [HashedOccupantTable, Map<string, Occupant>][] = [];
    for (let batch = 0; batch < 300; batch += 1) {
      const draft = table.edit();
      for (let op = 0; op < 1 + random(40); op += 1) {
        const id = `u${random(2000)}`;
        if (random(3) === 0) expect(draft.delete(id)).toBe(model.delete(id));
        else {
          const o = occupant(id, random(2) === 0 ? 'online' : 'stale');
          draft.set(o);
          model.set(id, o);
        }
        expect(draft.get(id)).toBe(model.get(id));
      }
      table = draft.commit();
      history.push([table, model]);
      model = new Map(model);
    }
    for (const [snapshot, expected] of history) {
      expect(snapshot.size).toBe(expected.size);
      expect(new Map([...snapshot].map((o) => [o.userId, o]))).toEqual(expected);
      for (const [id, o] of expected) expect(snapshot.get(id)).toBe(o);
    }
    // Emptied again, the table is as flat as a new one.
    const draft = table.edit();
    for (const id of model.keys()) draft.delete(id);
    const empty = draft.commit();
    expect(empty.size).toBe(0);
    expect(empty.root.slots).toHaveLength(0);
  });
});
