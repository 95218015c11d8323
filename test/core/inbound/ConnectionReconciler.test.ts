import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STATE_LIMITS } from '../../../src/core/facade/limits.js';
import { BatchedStore } from '../../../src/core/model/BatchedStore.js';
import { ConnectionReconciler } from '../../../src/core/inbound/ConnectionReconciler.js';
import type { BatchFacts } from '../../../src/core/model/BatchedStore.js';

type S = Record<string, string>;

function setup(debounceMs = 2000) {
  const model = new BatchedStore<S>('room', 'me');
  const rejected: string[] = [];
  const facts: BatchFacts[] = [];
  const newcomers = vi.fn();
  const commit = () => facts.push(model.commit());
  const sync = new ConnectionReconciler<S>({
    store: model,
    selfId: 'me',
    localConnectionId: 'local',
    limits: DEFAULT_STATE_LIMITS,
    debounceMs,
    now: () => Date.now(),
    reject: (reason) => rejected.push(reason),
    onNewcomer: newcomers,
    batch: (write) => {
      write();
      commit();
    },
  });
  const meta = (
    connectionId: string,
    version: number,
    state: S,
    ref = `${connectionId}-${version}`,
  ) => ({ connectionId, version, state, updatedAt: version, joinedAt: 0, phx_ref: ref });
  return {
    model,
    sync,
    rejected,
    facts,
    newcomers,
    commit,
    meta,
    occupant: (id: string) => model.store.getState().occupants.get(id),
  };
}

describe('ConnectionReconciler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('folds two connections of one user into one occupant with the newest state', () => {
    const { sync, commit, meta, occupant, facts } = setup();
    sync.metasJoined('bob', [meta('tab1', 1, { where: 'tab1' })], false);
    commit();
    sync.metasJoined('bob', [meta('tab2', 2, { where: 'tab2' })], false);
    commit();
    expect(occupant('bob')?.connections).toHaveLength(2);
    expect(occupant('bob')?.state).toEqual({ where: 'tab2' });
    expect(facts[0]?.joined).toEqual(['bob']);
    expect(facts[1]?.joined).toEqual([]);
  });

  it('lets the higher version win between presence meta and broadcast', () => {
    const { sync, commit, meta, occupant } = setup();
    sync.metasJoined('bob', [meta('c', 1, { v: '1' })], false);
    sync.stateMessage({
      userId: 'bob',
      connectionId: 'c',
      version: 5,
      state: { v: '5' },
      updatedAt: 5,
    });
    commit();
    expect(occupant('bob')?.state).toEqual({ v: '5' });
    // A late track with an older version only refreshes the ref.
    sync.metasJoined('bob', [meta('c', 3, { v: '3' }, 'new-ref')], false);
    sync.metasLeft('bob', [{ phx_ref: 'c-1' }]);
    commit();
    expect(occupant('bob')?.state).toEqual({ v: '5' });
    expect(occupant('bob')?.connections[0]?.presenceRef).toBe('new-ref');
    sync.stateMessage({
      userId: 'bob',
      connectionId: 'c',
      version: 4,
      state: { v: '4' },
      updatedAt: 4,
    });
    commit();
    expect(occupant('bob')?.state).toEqual({ v: '5' });
  });

  it('holds a broadcast that arrives before the meta and applies it on join', () => {
    const { sync, commit, meta, occupant } = setup();
    sync.stateMessage({
      userId: 'bob',
      connectionId: 'c',
      version: 9,
      state: { v: '9' },
      updatedAt: 9,
    });
    commit();
    expect(occupant('bob')).toBeUndefined();
    sync.metasJoined('bob', [meta('c', 2, { v: '2' })], false);
    commit();
    expect(occupant('bob')?.state).toEqual({ v: '9' });
  });

  it('shows a leave only after the grace period, as timeout unless announced', () => {
    const { sync, commit, meta, occupant, facts } = setup();
    sync.metasJoined('bob', [meta('b', 1, {})], false);
    sync.metasJoined('carol', [meta('c', 1, {})], false);
    commit();
    sync.leaveNotice({ userId: 'carol', connectionId: 'c' });
    sync.metasLeft('bob', [{ phx_ref: 'b-1' }]);
    sync.metasLeft('carol', [{ phx_ref: 'c-1' }]);
    commit();
    expect(occupant('bob')?.status).toBe('leaving');
    vi.advanceTimersByTime(1999);
    expect(occupant('bob')).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(occupant('bob')).toBeUndefined();
    expect(facts.flatMap((f) => f.left)).toEqual(
      expect.arrayContaining([
        { userId: 'bob', kind: 'timeout' },
        { userId: 'carol', kind: 'leave' },
      ]),
    );
  });

  it('shows no leave and no join for a quick leave-and-return', () => {
    const { sync, commit, meta, occupant, facts } = setup();
    sync.metasJoined('bob', [meta('b', 1, {})], false);
    commit();
    sync.metasLeft('bob', [{ phx_ref: 'b-1' }]);
    commit();
    vi.advanceTimersByTime(1000);
    sync.metasJoined('bob', [meta('b', 1, {}, 'b-new')], false);
    commit();
    vi.advanceTimersByTime(5000);
    expect(occupant('bob')?.status).toBe('online');
    expect(facts.flatMap((f) => f.left)).toEqual([]);
    expect(facts.flatMap((f) => f.joined)).toEqual(['bob']);
  });

  it('marks others stale and confirms them on the next full sync without events', () => {
    const { sync, commit, meta, occupant, facts, model } = setup();
    sync.putLocal({
      connectionId: 'local',
      presenceRef: null,
      state: {},
      version: 0,
      updatedAt: 0,
      joinedAt: 0,
    });
    sync.metasJoined('bob', [meta('b', 1, {})], false);
    commit();
    const ids = model.store.getState().userIds;
    sync.markStale();
    commit();
    expect(occupant('bob')?.status).toBe('stale');
    expect(occupant('me')?.status).toBe('online');
    sync.reconcileStale();
    commit();
    expect(occupant('bob')?.status).toBe('online');
    expect(model.store.getState().userIds).toBe(ids);
    expect(
      facts
        .slice(1)
        .every((f) => f.joined.length === 0 && f.left.length === 0 && f.stateChanged.length === 0),
    ).toBe(true);
  });

  it('asks members to re-send for newcomers only outside a full sync', () => {
    const { sync, meta, newcomers } = setup();
    sync.metasJoined('bob', [meta('b', 1, {})], true);
    expect(newcomers).not.toHaveBeenCalled();
    sync.metasJoined('carol', [meta('c', 1, {})], false);
    expect(newcomers).toHaveBeenCalledTimes(1);
  });

  it('drops and reports hostile metas and broadcasts without touching the store', () => {
    const { sync, commit, rejected, model } = setup();
    sync.metasJoined(
      'evil',
      [
        {
          phx_ref: 'r',
          connectionId: 'x',
          version: 1,
          state: JSON.parse('{"__proto__":{"admin":"1"}}'),
        },
        'string-meta',
        { phx_ref: 'r2' },
      ],
      false,
    );
    sync.stateMessage({ userId: 'evil', connectionId: 'x', version: 1, state: { a: 1 } });
    sync.stateMessage(null);
    sync.leaveNotice(42);
    commit();
    expect(rejected).toHaveLength(6);
    expect(model.store.getState().occupancy).toBe(0);
  });
});
