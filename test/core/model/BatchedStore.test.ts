import { describe, expect, it, vi } from 'vitest';
import { buildOccupant } from '../../../src/core/model/occupantRecords.js';
import { BatchedStore } from '../../../src/core/model/BatchedStore.js';
import type { HashedOccupantTable } from '../../../src/core/model/OccupantTable.js';
import { TrieNode } from '../../../src/core/model/occupantTrie.js';
import { conn, modelWith } from '../helpers/roomState.js';

describe('BatchedStore', () => {
  it('publishes a 10,000-user frame as one store notification', () => {
    const model = new BatchedStore('room', 'self');
    const listener = vi.fn();
    model.store.subscribe(listener);
    for (let i = 0; i < 10_000; i += 1)
      model.put(buildOccupant(`u${i}`, false, 'online', [conn(`c${i}`)], undefined));
    model.commit();
    expect(listener).toHaveBeenCalledTimes(1);
    const state = model.store.getState();
    expect(state.occupancy).toBe(10_000);
    expect(state.userIds).toEqual([...state.userIds].sort());
  });

  it('notifies keyed listeners only for users whose record changed', () => {
    const model = modelWith(['a', 'b', 'c']);
    const onA = vi.fn();
    const onB = vi.fn();
    model.subscribeUser('a', onA);
    const stopB = model.subscribeUser('b', onB);
    const a = model.get('a');
    model.put(buildOccupant('a', false, 'stale', a?.connections ?? [], a));
    model.commit();
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).not.toHaveBeenCalled();
    stopB();
    model.remove('b', 'leave');
    model.commit();
    expect(onB).not.toHaveBeenCalled();
  });

  it('keeps userIds and unchanged records identical when membership does not change', () => {
    const model = modelWith(['a', 'b']);
    const before = model.store.getState();
    const a = model.get('a');
    model.put(buildOccupant('a', false, 'online', [conn('c-a', { n: 'changed' }, 2)], a));
    model.commit();
    const after = model.store.getState();
    expect(after.userIds).toBe(before.userIds);
    expect(after.occupants.get('b')).toBe(before.occupants.get('b'));
    expect(after.occupants.get('a')).not.toBe(before.occupants.get('a'));
  });

  it('commits one update in a 10,000-user room by copying one path of the table', () => {
    const model = new BatchedStore('room', 'self');
    for (let i = 0; i < 10_000; i += 1)
      model.put(buildOccupant(`u${i}`, false, 'online', [conn(`c${i}`)], undefined));
    model.commit();
    const before = model.store.getState();
    const u7 = model.get('u7');
    model.put(buildOccupant('u7', false, 'online', [conn('c7', { n: 'changed' }, 2)], u7));
    model.commit();
    const after = model.store.getState();
    const nodes = (table: unknown): TrieNode<never>[] => {
      const out: TrieNode<never>[] = [];
      const walk = (node: TrieNode<never>): void => {
        out.push(node);
        for (const slot of node.slots) if (slot instanceof TrieNode) walk(slot);
      };
      walk((table as HashedOccupantTable<never>).root);
      return out;
    };
    const old = new Set(nodes(before.occupants));
    const fresh = nodes(after.occupants).filter((node) => !old.has(node));
    // The root and the nodes down to u7: ⌈log32 10,000⌉ + 1 levels at most.
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.length).toBeLessThanOrEqual(4);
    expect(after.userIds).toBe(before.userIds);
  });

  it('cancels an add and a remove of the same user inside one batch', () => {
    const model = modelWith(['a']);
    const listener = vi.fn();
    model.store.subscribe(listener);
    model.put(buildOccupant('x', false, 'online', [conn('c-x')], undefined));
    model.remove('x', 'leave');
    model.commit();
    expect(model.store.getState().userIds).toEqual(['a']);
    expect(model.store.getState().occupancy).toBe(1);
  });

  it('tracks self in its own field', () => {
    const model = modelWith(['a', 'self']);
    expect(model.store.getState().self?.userId).toBe('self');
    expect(model.store.getState().self?.isSelf).toBe(true);
  });

  it("notes each batch's facts from its own writes, never our own record's", () => {
    const model = modelWith(['a', 'b', 'self']);
    const a = model.get('a');
    model.put(buildOccupant('a', false, 'online', [conn('c-a', { n: 'moved' }, 2)], a));
    model.put(buildOccupant('c', false, 'online', [conn('c-c')], undefined));
    model.remove('b', 'timeout');
    const self = model.get('self');
    model.put(buildOccupant('self', true, 'online', [conn('c-self', { n: 'x' }, 2)], self));
    model.markSnapshot();
    expect(model.commit()).toEqual({
      joined: ['c'],
      left: [{ userId: 'b', kind: 'timeout' }],
      stateChanged: ['a'],
      snapshot: true,
    });
    expect(model.commit()).toEqual({ joined: [], left: [], stateChanged: [], snapshot: false });
  });

  it('notes no fact for a status-only change or a removal of nobody', () => {
    const model = modelWith(['a']);
    const a = model.get('a');
    model.put(buildOccupant('a', false, 'stale', a?.connections ?? [], a));
    model.remove('ghost', 'leave');
    expect(model.commit()).toEqual({ joined: [], left: [], stateChanged: [], snapshot: false });
    expect(model.store.getState().occupants.get('a')?.status).toBe('stale');
  });

  it('reads its own writes inside a batch, cold or not, and nets them out at commit', () => {
    for (const base of [[], ['a', 'b']]) {
      const model = modelWith(base);
      const x = buildOccupant('x', false, 'online', [conn('c-x')], undefined);
      model.put(x);
      expect(model.get('x')).toBe(x);
      model.remove('x', 'leave');
      expect(model.get('x')).toBeUndefined();
      model.put(buildOccupant('y', false, 'online', [conn('c-y')], undefined));
      if (base.length > 0) {
        model.remove('a', 'leave');
        expect(model.get('a')).toBeUndefined();
        model.put(buildOccupant('a', false, 'stale', [conn('c-a2')], undefined));
      }
      const facts = model.commit();
      const state = model.store.getState();
      const expected = base.length > 0 ? ['a', 'b', 'y'] : ['y'];
      expect(state.userIds).toEqual(expected);
      expect(state.occupancy).toBe(expected.length);
      expect([...state.occupants].map((o) => o.userId).sort()).toEqual(expected);
      expect(state.occupants.has('x')).toBe(false);
      expect(facts.joined).toEqual(base.length > 0 ? ['x', 'y', 'a'] : ['x', 'y']);
      if (base.length > 0) expect(state.occupants.get('a')?.status).toBe('stale');
    }
  });

  it('fills a near-empty room in one commit that equals setting each user (checked against a Map)', () => {
    // An empty room, and one that holds us and two others (a first presence_state after our own
    // track): with no removal the arrivals are the adds as they stand; with removals they come
    // from the tables. Both must equal one-by-one edits.
    for (const base of [[], ['self', 'a', 'b']]) {
      const model = modelWith(base);
      const expected = new Map(
        [...model.store.getState().occupants].map((o) => [o.userId, o] as const),
      );
      for (let i = 0; i < 3000; i += 1) {
        const id = `u${(i * 7919) % 3001}`;
        const occupant = buildOccupant(id, false, 'online', [conn(`c${i}`)], undefined);
        model.put(occupant);
        expected.set(id, occupant);
      }
      for (const id of [...Array.from({ length: 1000 }, (_, i) => `u${i * 3}`), 'a']) {
        model.remove(id, 'leave');
        expected.delete(id);
      }
      model.commit();
      const state = model.store.getState();
      expect(state.occupancy).toBe(expected.size);
      expect(state.userIds).toEqual([...expected.keys()].sort());
      for (const [id, occupant] of expected) expect(state.occupants.get(id)).toBe(occupant);
      expect(state.occupants.has('u0')).toBe(false);
      expect(state.occupants.has('a')).toBe(false);
      expect([...state.occupants]).toHaveLength(expected.size);
      expect(state.self?.userId).toBe(base.includes('self') ? 'self' : undefined);
    }
  });
  it('wakes a keyed listener once per batch that changed its record, on either side of the walk', () => {
    const model = modelWith(['a', 'b']);
    const seen = { a: 0, b: 0, x: 0, u5: 0 };
    for (const id of ['a', 'b', 'x', 'u5'] as const) model.subscribeUser(id, () => (seen[id] += 1));
    // Fewer writes than listeners: a written-and-reverted user (x) and an untouched one (b) sleep.
    const a = model.get('a');
    model.put(buildOccupant('a', false, 'stale', a?.connections ?? [], a));
    model.put(buildOccupant('x', false, 'online', [conn('c-x')], undefined));
    model.remove('x', 'leave');
    model.commit();
    expect(seen).toEqual({ a: 1, b: 0, x: 0, u5: 0 });
    // More writes than listeners (a first presence_state): only the written users wake, once.
    for (let i = 0; i < 1000; i += 1)
      model.put(buildOccupant(`u${i}`, false, 'online', [conn(`c${i}`)], undefined));
    const again = model.get('a');
    model.put(buildOccupant('a', false, 'online', again?.connections ?? [], again));
    model.commit();
    expect(seen).toEqual({ a: 2, b: 0, x: 0, u5: 1 });
  });
});
