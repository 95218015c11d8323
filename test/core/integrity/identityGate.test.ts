import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STATE_LIMITS } from '../../../src/core/facade/limits.js';
import { ConnectionReconciler } from '../../../src/core/inbound/ConnectionReconciler.js';
import { IdentityGate } from '../../../src/core/inbound/IdentityGate.js';
import { BatchedStore } from '../../../src/core/model/BatchedStore.js';
import type { BatchFacts } from '../../../src/core/model/BatchedStore.js';
import { HashChain } from '../../../src/core/outbound/HashChain.js';
import type { ChainProof } from '../../../src/core/outbound/HashChain.js';

type S = Record<string, string>;

/** A reconciler with identity checks that settle only when the test says so. */
function setup(require: boolean) {
  const store = new BatchedStore<S>('room', 'me');
  const facts: BatchFacts[] = [];
  const checks = new Map<string, (ok: boolean) => void>();
  const sync = new ConnectionReconciler<S>({
    store,
    selfId: 'me',
    localConnectionId: 'local',
    limits: DEFAULT_STATE_LIMITS,
    debounceMs: 2000,
    now: () => Date.now(),
    reject: () => undefined,
    onNewcomer: () => undefined,
    batch: (write) => {
      write();
      facts.push(store.commit());
    },
    isOwnMeta: () => false,
    identity: (deps) =>
      new IdentityGate<S>({
        ...deps,
        require,
        check: (_key, value) =>
          new Promise<boolean>((resolve) => checks.set(String(value.state.ref), resolve)),
      }),
  });
  const chain = new HashChain();
  const meta = (ref: string) => {
    const { version, proof } = chain.advance(true) as ChainProof;
    return { connectionId: 'c', version, proof, state: { ref }, updatedAt: version, phx_ref: ref };
  };
  /** Settles the check of `ref` and lets the gate's window pass. */
  const settle = async (ref: string, ok: boolean) => {
    checks.get(ref)?.(ok);
    await vi.advanceTimersByTimeAsync(50);
  };
  const batch = (write: () => void) => {
    write();
    facts.push(store.commit());
  };
  const bob = () => store.store.getState().occupants.get('bob');
  return { sync, meta, settle, batch, bob, facts };
}

describe('the identity gate', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('shows a connection only once its check settles, and hides refusals with require', async () => {
    const { sync, meta, settle, batch, bob } = setup(true);
    batch(() => sync.metasJoined('bob', [meta('r1')], false));
    expect(bob()).toBeUndefined();
    await settle('r1', false);
    expect(bob()).toBeUndefined();
    batch(() => sync.metasJoined('bob', [meta('r2')], false));
    await settle('r2', true);
    expect(bob()).toMatchObject({ verified: true, state: { ref: 'r2' } });
  });

  it('keeps a re-tracking connection shown through quick successive re-tracks, then shows the last', async () => {
    const { sync, meta, settle, batch, bob, facts } = setup(true);
    batch(() => sync.metasJoined('bob', [meta('r1')], false));
    await settle('r1', true);
    // Two re-tracks in a row: each new ref joins and the previous one leaves before any check.
    batch(() => {
      sync.metasJoined('bob', [meta('r2')], false);
      sync.metasLeft('bob', [{ phx_ref: 'r1' }]);
    });
    batch(() => {
      sync.metasJoined('bob', [meta('r3')], false);
      sync.metasLeft('bob', [{ phx_ref: 'r2' }]);
    });
    expect(bob()?.connections.map((c) => c.presenceRef)).toEqual(['r1']);
    await settle('r2', true); // r2 already left: nothing to show
    await settle('r3', true);
    expect(bob()?.connections.map((c) => c.presenceRef)).toEqual(['r3']);
    expect(bob()?.status).toBe('online');
    expect(facts.flatMap((f) => f.left)).toEqual([]);
  });

  it('without require, shows a refused connection as unverified', async () => {
    const { sync, meta, settle, batch, bob } = setup(false);
    batch(() => sync.metasJoined('bob', [meta('r1')], false));
    await settle('r1', false);
    expect(bob()).toMatchObject({ verified: false, state: { ref: 'r1' } });
  });
});
