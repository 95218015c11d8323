import { describe, expect, it } from 'vitest';
import { buildTrie } from '../../../src/core/model/buildTrie.js';
import { HashedOccupantTable } from '../../../src/core/model/OccupantTable.js';
import { CollisionNode, hashOf, TrieNode } from '../../../src/core/model/occupantTrie.js';
import type { Slot } from '../../../src/core/model/occupantTrie.js';
import type { Occupant } from '../../../src/core/types.js';
import { occupant } from '../helpers/occupant.js';

// FNV-1a pairs found offline: equal 32-bit hashes, and hashes equal but for their top 2 bits
// (they part only at the trie's last, 2-bit level).
const COLLIDING = [
  ['u31992', 'u605430'],
  ['u31993', 'u605431'],
  ['u31990', 'u605432'],
];
const NEAR = [
  ['n4798', 'n63980'],
  ['n4799', 'n63981'],
];

/** `n` distinct ids in hash-scattered order, with the colliding and near pairs mixed in. */
function idsOf(n: number, seed: number): string[] {
  const ids = new Set<string>();
  for (const pair of [...COLLIDING, ...NEAR])
    if (ids.size + 2 <= n) pair.forEach((id) => ids.add(id));
  // Multiplying by an odd constant is a bijection mod 2^32: distinct ids in no sorted order.
  for (let i = 0; ids.size < n; i += 1)
    ids.add(`id-${(Math.imul(i + seed * 1_000_003, 0x9e3779b1) >>> 0).toString(36)}`);
  return [...ids];
}

/** A slot's shape without owners: what two tries must agree on to be the same trie. */
function shape(slot: Slot<never>): unknown {
  if (slot instanceof TrieNode) return { bitmap: slot.bitmap, slots: slot.slots.map(shape) };
  if (slot instanceof CollisionNode)
    return { hash: slot.hash, entries: slot.entries.map((o) => o.userId) };
  return slot.userId;
}

function inserted(occupants: readonly Occupant[]): HashedOccupantTable {
  const draft = HashedOccupantTable.empty().edit();
  for (const o of occupants) draft.set(o);
  return draft.commit();
}

describe('buildTrie', () => {
  it('the fixture pairs collide as intended', () => {
    for (const [a, b] of COLLIDING) expect(hashOf(a as string)).toBe(hashOf(b as string));
    for (const [a, b] of NEAR) {
      const [ha, hb] = [hashOf(a as string), hashOf(b as string)];
      expect(ha).not.toBe(hb);
      expect(ha & 0x3fffffff).toBe(hb & 0x3fffffff);
    }
  });

  it('gives exactly the trie that setting the occupants one by one gives', () => {
    for (const [n, seed] of [
      [0, 1],
      [1, 2],
      [2, 3],
      [11, 4],
      [33, 5],
      [1000, 6],
      [10_000, 7],
    ] as const) {
      const occupants = idsOf(n, seed).map((id) => occupant(id));
      const built = buildTrie(occupants);
      expect(shape(built as TrieNode<never>)).toEqual(
        shape(inserted(occupants).root as TrieNode<never>),
      );
    }
  });

  it('finds every occupant it was given and nothing else (checked against a Map)', () => {
    const ids = idsOf(5000, 11);
    const expected = new Map(ids.map((id) => [id, occupant(id)]));
    const table = HashedOccupantTable.of([...expected.values()]);
    expect(table.size).toBe(5000);
    for (const [id, o] of expected) expect(table.get(id)).toBe(o);
    for (const id of idsOf(200, 99)) if (!expected.has(id)) expect(table.get(id)).toBeUndefined();
    const iterated = [...table];
    expect(iterated).toHaveLength(5000);
    expect(new Set(iterated.map((o) => o.userId))).toEqual(new Set(ids));
  });

  it('leaves the built snapshot frozen: a later draft copies what it writes', () => {
    const ids = idsOf(1000, 12);
    const table = HashedOccupantTable.of(ids.map((id) => occupant(id)));
    const draft = table.edit();
    draft.set(occupant(ids[3] as string, 'leaving'));
    draft.delete(ids[4] as string);
    draft.delete(COLLIDING[0]?.[0] as string);
    draft.set(occupant('newcomer'));
    const after = draft.commit();
    expect(table.get(ids[3] as string)?.status).toBe('online');
    expect(table.has(ids[4] as string)).toBe(true);
    expect(table.has(COLLIDING[0]?.[0] as string)).toBe(true);
    expect(table.has('newcomer')).toBe(false);
    expect(table.size).toBe(1000);
    expect(after.get(ids[3] as string)?.status).toBe('leaving');
    expect(after.has(COLLIDING[0]?.[0] as string)).toBe(false);
    expect(after.get(COLLIDING[0]?.[1] as string)?.userId).toBe(COLLIDING[0]?.[1]);
    expect(after.size).toBe(999);
    // One change copies one path, not the table (the built nodes are shared).
    expect(draft.copiedSlots).toBeLessThanOrEqual(4 * 5 * 32);
  });
});
