import { describe, expect, it } from 'vitest';
import { HashedOccupantTable } from '../../../src/core/model/OccupantTable.js';
import { hashOf } from '../../../src/core/model/occupantTrie.js';
import { occupant } from '../helpers/occupant.js';
import { collidingIds } from './fnvCollisions.js';

// A hostile room: presence keys are client-chosen, so an attacker who joins 4,096 channels can
// give them ids computed to share the trie's 32-bit hash. Before the fix they all landed in one
// collision node, copied whole on every write: a first presence_state cost O(N²) slot copies
// (8 million for 4,096 ids) and every later change to any of them O(N).
const HOSTILE = collidingIds(12);
/** ⌈log32⌉ levels of both hashes: no change may copy more than this many slots. */
const PATH_SLOTS = 14 * 32;

function tableOf(ids: readonly string[]): HashedOccupantTable {
  const draft = HashedOccupantTable.empty().edit();
  for (const id of ids) draft.set(occupant(id));
  return draft.commit();
}

describe('user ids computed to collide in the occupant trie', () => {
  it('do share one 32-bit hash (the attack is real)', () => {
    expect(HOSTILE).toHaveLength(4096);
    expect(new Set(HOSTILE).size).toBe(4096);
    expect(new Set(HOSTILE.map(hashOf)).size).toBe(1);
  });

  it('cost a first sync linear copying, as honest ids do', () => {
    const draft = HashedOccupantTable.empty().edit();
    for (const id of HOSTILE) draft.set(occupant(id));
    expect(draft.copiedSlots).toBeLessThanOrEqual(HOSTILE.length);
  });

  it('cost one change a path of slots, not a share of the room', () => {
    const table = tableOf(HOSTILE);
    for (const id of [HOSTILE[0], HOSTILE[2047], HOSTILE[4095]] as string[]) {
      const draft = table.edit();
      draft.set(occupant(id, 'stale'));
      expect(draft.copiedSlots).toBeLessThanOrEqual(PATH_SLOTS);
      const removal = table.edit();
      expect(removal.delete(id)).toBe(true);
      expect(removal.copiedSlots).toBeLessThanOrEqual(PATH_SLOTS);
    }
  });

  it('are all found, replaced, removed and iterated exactly', () => {
    const table = tableOf([...HOSTILE, 'alice', '__proto__']);
    expect(table.size).toBe(4098);
    for (const id of HOSTILE) expect(table.get(id)?.userId).toBe(id);
    const draft = table.edit();
    for (const id of HOSTILE.slice(0, 2048)) expect(draft.delete(id)).toBe(true);
    for (const id of HOSTILE.slice(2048, 2100)) draft.set(occupant(id, 'leaving'));
    const after = draft.commit();
    expect(after.size).toBe(2050);
    expect(after.get(HOSTILE[0] as string)).toBeUndefined();
    expect(after.get(HOSTILE[2048] as string)?.status).toBe('leaving');
    expect(after.get(HOSTILE[4095] as string)?.status).toBe('online');
    expect(table.get(HOSTILE[0] as string)?.status).toBe('online');
    const listed = [...after].map((o) => o.userId).sort();
    expect(listed).toEqual([...HOSTILE.slice(2048), 'alice', '__proto__'].sort());
  });
});
