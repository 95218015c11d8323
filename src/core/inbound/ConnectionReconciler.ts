import { ChainBook } from './ChainBook.js';
import { EarlyStates } from './EarlyStates.js';
import type { OpenIdentityGate } from './IdentityGate.js';
import { LeaveDebouncer } from './LeaveDebouncer.js';
import type { StateLimits } from '../facade/limits.js';
import { encodeProof } from '../outbound/proofCodec.js';
import { OccupantWriter } from './OccupantWriter.js';
import type { ReconcilerStore } from './OccupantWriter.js';
import { StaleMarks } from './StaleMarks.js';
import { ProvenBroadcasts } from './ProvenBroadcasts.js';
import { RemoteJoins } from './RemoteJoins.js';
import type { RemoteConnectionState } from './validatePayload.js';
import { parseConnectionState } from './validatePayload.js';
import { isPlainObject } from '../model/validateState.js';
import type { PresenceConnection, UserState } from '../types.js';

export type { ReconcilerStore } from './OccupantWriter.js';

/** What the reconciler needs from its room. */
export interface ReconcilerDeps<S extends UserState> {
  store: ReconcilerStore<S>;
  selfId: string;
  localConnectionId: string;
  limits: StateLimits;
  debounceMs: number;
  now(): number;
  /** A remote payload failed validation or proof and was dropped. */
  reject(reason: string): void;
  /** A connection we had not seen joined (outside a full sync): re-send our state if lagging. */
  onNewcomer(): void;
  /** Runs writes as one committed batch (a debounced leave that expired on its timer). */
  batch(write: () => void): void;
  /** True when the meta `ref` under our key is one we tracked (see `OwnTracks.claim`). */
  isOwnMeta(version: number, proof: string | null, ref: string): boolean;
  /** Verified identity: every remote meta is checked before it shows (see `IdentityGate`). */
  identity?: OpenIdentityGate<S> | null;
}

/**
 * Reconciles presence metas and `pk:` broadcasts into the room's store. A remote connection is
 * the meta the server assigned a presence ref to: a meta that copies another connection's
 * fields is a connection of its own, and its leave removes only itself. Broadcasts change a
 * connection only with a proof on the chain its own meta announced (see `ChainKnowledge`), so
 * nobody alters, freezes or removes another member. Every method writes into the store's open
 * batch; the caller's batch commits it (see `Committer`).
 */
export class ConnectionReconciler<S extends UserState> {
  readonly #early = new EarlyStates<S>();
  readonly #chains = new ChainBook();
  readonly #writer: OccupantWriter<S>;
  readonly #stale: StaleMarks<S>;
  readonly #leaves: LeaveDebouncer;
  readonly #broadcasts: ProvenBroadcasts<S>;
  readonly #remote: RemoteJoins<S>;
  readonly #deps: ReconcilerDeps<S>;

  constructor(deps: ReconcilerDeps<S>) {
    this.#deps = deps;
    this.#writer = new OccupantWriter<S>(deps.store, deps.selfId);
    this.#stale = new StaleMarks<S>(this.#writer);
    // An expiry from the debounce timer is a batch of its own; with no debounce it runs inside
    // the frame's batch and joins it.
    this.#leaves = new LeaveDebouncer(deps.debounceMs, (userId, graceful) =>
      deps.batch(() => this.#expire(userId, graceful)),
    );
    this.#remote = new RemoteJoins<S>({
      ...deps,
      writer: this.#writer,
      chains: this.#chains,
      early: this.#early,
      leaves: this.#leaves,
      stale: this.#stale,
    });
    this.#broadcasts = new ProvenBroadcasts<S>({
      ...deps,
      chains: this.#chains,
      early: this.#early,
      leaves: this.#leaves,
      get: (userId) => this.#writer.get(userId),
      put: (userId, status, connections, prev) =>
        this.#writer.put(userId, status, connections, prev),
      held: this.#remote.gate,
    });
  }

  /** Raw presence metas joined under `key` (from `presence_state` or `presence_diff`). */
  metasJoined(key: string, metas: readonly unknown[], fullSync: boolean): void {
    for (const raw of metas) {
      const parsed = parseConnectionState<S>(raw, this.#deps.limits, this.#deps.now());
      // A parsed meta is a plain object: its ref is read without checking it a second time.
      const ref = parsed.ok ? (raw as { phx_ref?: unknown }).phx_ref : null;
      if (typeof ref !== 'string' || !parsed.ok) {
        const why = parsed.ok ? 'no phx_ref' : parsed.reason;
        this.#deps.reject(`presence meta of ${JSON.stringify(key.slice(0, 64))}: ${why}`);
      } else if (this.#isOwnMeta(key, parsed.value, ref)) this.#writer.setLocalRef(ref);
      else this.#remote.join(key, parsed.value, ref, fullSync);
    }
  }

  /** Raw presence metas left under `key`; matched by `phx_ref`, so an update's leave is harmless. */
  metasLeft(key: string, metas: readonly unknown[]): void {
    for (const raw of metas) {
      const ref = isPlainObject(raw) ? raw.phx_ref : undefined;
      const prev = this.#writer.get(key);
      if (!prev || typeof ref !== 'string') continue;
      if (key === this.#deps.selfId && this.#writer.isLocalRef(ref)) {
        // Our own old meta after a reconnect: the local connection stays, it just has no ref now.
        this.#writer.setLocalRef(null);
        continue;
      }
      this.#remote.leave(key, ref);
    }
  }

  /** A `pk:state` broadcast (see `ProvenBroadcasts`). */
  stateMessage(raw: unknown): void {
    this.#broadcasts.state(raw);
  }

  /** A `pk:leave` broadcast: a proven one makes that connection's leave a REMOTE_LEAVE. */
  leaveNotice(raw: unknown): void {
    this.#broadcasts.leave(raw);
  }

  /** Writes our own connection (after a local change or a subscribe). */
  putLocal(connection: PresenceConnection<S>): void {
    this.#writer.putLocal(connection);
  }

  /** Our socket is down: everyone else becomes `stale` until the next `presence_state`. */
  markStale(): void {
    this.#stale.mark();
  }

  /** A full sync arrived: whoever is still `stale` is confirmed present. O(stale users). */
  reconcileStale(): void {
    this.#stale.reconcile();
  }

  /** Stops the debounce timers. */
  dispose(): void {
    this.#leaves.dispose();
    this.#early.clear();
    this.#chains.clear();
    this.#remote.dispose();
  }

  /** Our own meta comes back: ours only if it carries the fresh proof of one of our tracks. */
  #isOwnMeta(key: string, value: RemoteConnectionState<S>, ref: string): boolean {
    if (key !== this.#deps.selfId || value.connectionId !== this.#deps.localConnectionId)
      return false;
    const proof = value.proof ? encodeProof(value.proof) : null;
    return this.#deps.isOwnMeta(value.version, proof, ref);
  }

  #expire(userId: string, graceful: boolean): void {
    const occupant = this.#writer.get(userId);
    if (!occupant || occupant.status !== 'leaving') return;
    this.#deps.store.remove(userId, graceful ? 'leave' : 'timeout');
  }
}
