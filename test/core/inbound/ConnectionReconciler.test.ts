import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STATE_LIMITS } from '../../../src/core/facade/limits.js';
import { BatchedStore } from '../../../src/core/model/BatchedStore.js';
import { ConnectionReconciler } from '../../../src/core/inbound/ConnectionReconciler.js';
import type { BatchFacts } from '../../../src/core/model/BatchedStore.js';
import { HashChain } from '../../../src/core/outbound/HashChain.js';
import type { ChainProof } from '../../../src/core/outbound/HashChain.js';

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
    isOwnMeta: () => false,
  });
  // Each connection's hash chain: metas and broadcasts carry its next positions as versions.
  const chains = new Map<string, HashChain>();
  const next = (connectionId: string, track: boolean): ChainProof => {
    let chain = chains.get(connectionId);
    if (!chain) chains.set(connectionId, (chain = new HashChain()));
    return chain.advance(track) as ChainProof;
  };
  /** A proven meta of `connectionId` (the next chain position), with its presence ref. */
  const provenMeta = (connectionId: string, state: S, ref: string) => {
    const { version, proof } = next(connectionId, true);
    return { connectionId, version, proof, state, updatedAt: version, joinedAt: 0, phx_ref: ref };
  };
  /** A proven pk:state (or, with `skip`, one a few positions further on). */
  const provenState = (userId: string, connectionId: string, state: S, skip = 0) => {
    for (let i = 0; i < skip; i += 1) next(connectionId, false);
    const { version, proof } = next(connectionId, false);
    return { userId, connectionId, version, proof, state, updatedAt: version };
  };
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
    next,
    provenMeta,
    provenState,
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

  it('lets the higher proven version win between presence meta and broadcast', () => {
    const { sync, commit, provenMeta, provenState, occupant, rejected } = setup();
    sync.metasJoined('bob', [provenMeta('c', { v: '1' }, 'ref-1')], false);
    const five = provenState('bob', 'c', { v: '5' }, 3);
    sync.stateMessage(five);
    commit();
    expect(occupant('bob')?.state).toEqual({ v: '5' });
    // The same position again, with other content: a replay, ignored.
    sync.stateMessage({ ...five, state: { v: 'replayed' } });
    // A position further on with an element that is not on the chain: refused.
    sync.stateMessage({ ...five, version: five.version + 1, state: { v: 'forged' } });
    commit();
    expect(occupant('bob')?.state).toEqual({ v: '5' });
    expect(rejected).toHaveLength(1);
  });

  it('carries a newer proven state over a re-track whose diff arrives after the broadcast', () => {
    const { sync, commit, provenMeta, provenState, occupant } = setup();
    sync.metasJoined('bob', [provenMeta('c', { v: '1' }, 'ref-1')], false);
    const retrack = provenMeta('c', { v: '2' }, 'ref-2');
    sync.stateMessage(provenState('bob', 'c', { v: '3' }));
    sync.metasJoined('bob', [retrack], false);
    sync.metasLeft('bob', [{ phx_ref: 'ref-1' }]);
    commit();
    expect(occupant('bob')?.state).toEqual({ v: '3' });
    expect(occupant('bob')?.connections.map((c) => c.presenceRef)).toEqual(['ref-2']);
  });

  it('holds a broadcast that arrives before the meta and applies it on join if proven', () => {
    const { sync, commit, provenMeta, provenState, occupant } = setup();
    const meta = provenMeta('c', { v: '2' }, 'ref');
    sync.stateMessage(provenState('bob', 'c', { v: '9' }, 4));
    sync.stateMessage({ ...provenState('bob', 'c', { v: 'forged' }), proof: 'f'.repeat(32) });
    commit();
    expect(occupant('bob')).toBeUndefined();
    sync.metasJoined('bob', [meta], false);
    commit();
    expect(occupant('bob')?.state).toEqual({ v: '9' });
  });

  it('shows a leave only after the grace period, as timeout unless announced', () => {
    const { sync, commit, provenMeta, next, occupant, facts } = setup();
    sync.metasJoined('bob', [provenMeta('b', {}, 'b-1')], false);
    sync.metasJoined('carol', [provenMeta('c', {}, 'c-1')], false);
    commit();
    sync.metasLeft('bob', [{ phx_ref: 'b-1' }]);
    sync.metasLeft('carol', [{ phx_ref: 'c-1' }]);
    // Carol's goodbye arrives after her presence leave: still proven against her chain.
    sync.leaveNotice({ userId: 'carol', connectionId: 'c', ...next('c', false) });
    // An unproven goodbye for Bob is refused.
    sync.leaveNotice({ userId: 'bob', connectionId: 'b', version: 9, proof: 'a'.repeat(32) });
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
      local: true,
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
