import { ChainBook } from './ChainBook.js';
import { EarlyStates } from './EarlyStates.js';
import { joinedRecord } from './joinedRecord.js';
import { LeaveDebouncer } from './LeaveDebouncer.js';
import type { StateLimits } from '../facade/limits.js';
import { buildOccupant, withConnection, withoutConnection } from '../model/occupantRecords.js';
import type { BatchedStore } from '../model/BatchedStore.js';
import { encodeProof } from '../outbound/proofCodec.js';
import { ProvenBroadcasts } from './ProvenBroadcasts.js';
import type { RemoteConnectionState } from './validatePayload.js';
import { parseConnectionState } from './validatePayload.js';
import { isPlainObject } from '../model/validateState.js';
import type { Occupant, OccupantStatus, PresenceConnection, UserState } from '../types.js';

/** The store calls the reconciler makes: reads and writes of the open batch. */
export type ReconcilerStore<S extends UserState> = Pick<
  BatchedStore<S>,
  'get' | 'write' | 'remove' | 'committedUserIds'
>;

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
  private readonly early = new EarlyStates<S>();
  private readonly chains = new ChainBook();
  private readonly stale = new Set<string>();
  private readonly leaves: LeaveDebouncer;
  private readonly broadcasts: ProvenBroadcasts<S>;

  constructor(private readonly deps: ReconcilerDeps<S>) {
    // An expiry from the debounce timer is a batch of its own; with no debounce it runs inside
    // the frame's batch and joins it.
    this.leaves = new LeaveDebouncer(deps.debounceMs, (userId, graceful) =>
      deps.batch(() => this.expire(userId, graceful)),
    );
    this.broadcasts = new ProvenBroadcasts<S>({
      ...deps,
      chains: this.chains,
      early: this.early,
      leaves: this.leaves,
      get: (userId) => deps.store.get(userId),
      put: (userId, status, connections, prev) => this.putUser(userId, status, connections, prev),
    });
  }

  /** Raw presence metas joined under `key` (from `presence_state` or `presence_diff`). */
  metasJoined(key: string, metas: readonly unknown[], fullSync: boolean): void {
    for (const raw of metas) {
      const ref = isPlainObject(raw) && typeof raw.phx_ref === 'string' ? raw.phx_ref : null;
      const parsed = parseConnectionState<S>(raw, this.deps.limits, this.deps.now());
      if (ref === null || !parsed.ok) {
        const why = parsed.ok ? 'no phx_ref' : parsed.reason;
        this.deps.reject(`presence meta of ${JSON.stringify(key.slice(0, 64))}: ${why}`);
      } else if (this.isOwnMeta(key, parsed.value, ref)) this.setLocalRef(ref);
      else this.joinRemote(key, parsed.value, ref, fullSync);
    }
  }

  /** Raw presence metas left under `key`; matched by `phx_ref`, so an update's leave is harmless. */
  metasLeft(key: string, metas: readonly unknown[]): void {
    for (const raw of metas) {
      const ref = isPlainObject(raw) ? raw.phx_ref : undefined;
      const prev = this.deps.store.get(key);
      if (!prev || typeof ref !== 'string') continue;
      if (prev.connections.some((c) => c.local && c.presenceRef === ref)) {
        // Our own old meta after a reconnect: the local connection stays, it just has no ref now.
        this.setLocalRef(null);
        continue;
      }
      const conn = prev.connections.find((c) => !c.local && c.presenceRef === ref);
      if (!conn) continue;
      this.chains.depart(ref, key, conn.connectionId);
      const connections = withoutConnection(prev.connections, ref);
      const last = connections.length === 0 && key !== this.deps.selfId;
      this.putUser(key, last ? 'leaving' : prev.status, connections, prev);
      if (last) this.leaves.start(key, [ref]);
    }
  }

  /** A `pk:state` broadcast (see `ProvenBroadcasts`). */
  stateMessage(raw: unknown): void {
    this.broadcasts.state(raw);
  }

  /** A `pk:leave` broadcast: a proven one makes that connection's leave a REMOTE_LEAVE. */
  leaveNotice(raw: unknown): void {
    this.broadcasts.leave(raw);
  }

  /** Writes our own connection (after a local change or a subscribe). */
  putLocal(connection: PresenceConnection<S>): void {
    const prev = this.deps.store.get(this.deps.selfId);
    const current = prev?.connections.find((c) => c.local);
    const next = current ? { ...connection, presenceRef: current.presenceRef } : connection;
    this.putUser(this.deps.selfId, 'online', withConnection(prev?.connections ?? [], next), prev);
  }

  /** Our socket is down: everyone else becomes `stale` until the next `presence_state`. */
  markStale(): void {
    for (const userId of this.deps.store.committedUserIds()) {
      const occupant = this.deps.store.get(userId);
      if (!occupant || occupant.isSelf || occupant.status !== 'online') continue;
      this.stale.add(userId);
      this.putUser(userId, 'stale', occupant.connections, occupant);
    }
  }

  /** A full sync arrived: whoever is still `stale` is confirmed present. O(stale users). */
  reconcileStale(): void {
    for (const userId of this.stale) {
      const occupant = this.deps.store.get(userId);
      if (occupant?.status === 'stale')
        this.putUser(userId, 'online', occupant.connections, occupant);
    }
    this.stale.clear();
  }

  /** Stops the debounce timers. */
  dispose(): void {
    this.leaves.dispose();
    this.early.clear();
    this.chains.clear();
  }

  /** Our own meta comes back: ours only if it carries the fresh proof of one of our tracks. */
  private isOwnMeta(key: string, value: RemoteConnectionState<S>, ref: string): boolean {
    if (key !== this.deps.selfId || value.connectionId !== this.deps.localConnectionId)
      return false;
    const proof = value.proof ? encodeProof(value.proof) : null;
    return this.deps.isOwnMeta(value.version, proof, ref);
  }

  private joinRemote(
    userId: string,
    value: RemoteConnectionState<S>,
    ref: string,
    fullSync: boolean,
  ): void {
    const prev = this.deps.store.get(userId);
    const connections = prev?.connections ?? [];
    const sameLabel = connections.filter((c) => !c.local && c.connectionId === value.connectionId);
    const early = this.early.take(userId, value.connectionId);
    const { record, knowledge } = joinedRecord(value, ref, sameLabel, this.chains, early);
    this.chains.set(ref, knowledge);
    this.leaves.cancel(userId);
    this.stale.delete(userId);
    this.putUser(userId, 'online', withConnection(connections, record), prev);
    if (sameLabel.length === 0 && !fullSync) this.deps.onNewcomer();
  }

  /** Our own meta came or went: only the presence ref of the local connection changes. */
  private setLocalRef(ref: string | null): void {
    const prev = this.deps.store.get(this.deps.selfId);
    const local = prev?.connections.find((c) => c.local);
    if (!prev || !local) return;
    const connections = withConnection(prev.connections, { ...local, presenceRef: ref });
    this.putUser(this.deps.selfId, 'online', connections, prev);
  }

  private putUser(
    userId: string,
    status: OccupantStatus,
    connections: readonly PresenceConnection<S>[],
    prev: Occupant<S> | undefined,
  ): void {
    const isSelf = userId === this.deps.selfId;
    const next = buildOccupant(userId, isSelf, status, connections, prev);
    if (next === prev) return;
    // `prev` is the batch's current record of this user (every caller just read it).
    this.deps.store.write(next, prev);
  }

  private expire(userId: string, graceful: boolean): void {
    const occupant = this.deps.store.get(userId);
    if (!occupant || occupant.status !== 'leaving') return;
    this.deps.store.remove(userId, graceful ? 'leave' : 'timeout');
  }
}
