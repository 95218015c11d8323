import { describe, expect, it } from 'vitest';
import { HashedOccupantTable } from '../../../src/core/model/OccupantTable.js';
import { EMPTY_STATE } from '../../../src/core/model/stateObject.js';
import type { Occupant } from '../../../src/core/types.js';

function occupant(userId: string, status: Occupant['status'] = 'online'): Occupant {
  return {
    userId,
    isSelf: false,
    status,
    state: EMPTY_STATE,
    statesCount: 0,
    connections: [],
    joinedAt: 0,
  };
}

function tableOf(n: number): HashedOccupantTable {
  const draft = HashedOccupantTable.empty().edit();
  for (let i = 0; i < n; i += 1) draft.set(occupant(`user-${i}`));
  return draft.commit();
}

describe('HashedOccupantTable', () => {
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

  it('keeps unchanged occupants identical and copies only the touched bucket', () => {
    const before = tableOf(10_000);
    const draft = before.edit();
    draft.set(occupant('user-42', 'leaving'));
    const after = draft.commit();
    let sharedBuckets = 0;
    after.buckets.forEach((bucket, i) =>
      bucket === before.buckets[i] ? (sharedBuckets += 1) : undefined,
    );
    expect(sharedBuckets).toBe(255);
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
