import { describe, expect, it, vi } from 'vitest';
import { HashedOccupantTable } from '../../../src/core/model/OccupantTable.js';
import { CollisionNode, TrieNode } from '../../../src/core/model/occupantTrie.js';
import type { Slot } from '../../../src/core/model/occupantTrie.js';
import type { UserState } from '../../../src/core/types.js';
import { occupant } from '../helpers/occupant.js';
import { collidingIds } from './fnvCollisions.js';

// Ids equal in both hashes cannot be computed without the page's seed; a constant keyed hash
// stands in for that case so the trie's last resort, the collision node, is still exercised.
vi.mock('../../../src/core/model/deepHash.js', () => ({ deepHashOf: () => 0 }));

function collisionNodes(slot: Slot<UserState>): number {
  if (slot instanceof CollisionNode) return 1;
  if (!(slot instanceof TrieNode)) return 0;
  return slot.slots.reduce((sum, s) => sum + collisionNodes(s), 0);
}

describe('ids equal in both of the trie hashes', () => {
  it('share one collision node and are stored, replaced and removed exactly', () => {
    const ids = collidingIds(3);
    const draft = HashedOccupantTable.empty().edit();
    for (const id of [...ids, 'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace'])
      draft.set(occupant(id));
    const table = draft.commit();
    expect(collisionNodes(table.root)).toBe(1);
    for (const id of ids) expect(table.get(id)?.userId).toBe(id);
    const next = table.edit();
    next.set(occupant(ids[1] as string, 'stale'));
    for (const id of ids.slice(2)) expect(next.delete(id)).toBe(true);
    expect(next.delete(ids[2] as string)).toBe(false);
    const after = next.commit();
    expect(after.size).toBe(9);
    expect(after.get(ids[1] as string)?.status).toBe('stale');
    expect(after.get(ids[2] as string)).toBeUndefined();
    expect(table.get(ids[1] as string)?.status).toBe('online');
    expect([...after].map((o) => o.userId).sort()).toEqual(
      [ids[0], ids[1], 'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace'].sort(),
    );
  });
});
