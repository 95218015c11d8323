import { EarlyStates } from './EarlyStates.js';
import { LeaveDebouncer } from './LeaveDebouncer.js';
import type { StateLimits } from '../facade/limits.js';
import { buildOccupant, withConnection, withoutConnection } from '../model/occupantRecords.js';
import type { BatchedStore } from '../model/BatchedStore.js';
import type { RemoteConnectionState } from './validatePayload.js';
import { parseConnectionState, parseLeaveNotice } from './validatePayload.js';
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
  /** A remote payload failed validation and was dropped. */
  reject(reason: string): void;
  /** A connection we had not seen joined (outside a full sync): re-send our state if lagging. */
  onNewcomer(): void;
  /** Runs writes as one committed batch (a debounced leave that expired on its timer). */
  batch(write: () => void): void;
}

/**
 * Reconciles presence metas and `pk:` broadcasts into the room's store, per connection, with the
 * higher version winning. Every method writes into the store's open batch; the caller's batch
 * commits it (see `Committer`).
 */
export class ConnectionReconciler<S extends UserState> {
  private readonly early = new EarlyStates<S>();
  private readonly stale = new Set<string>();
  private readonly leaves: LeaveDebouncer;

  constructor(private readonly deps: ReconcilerDeps<S>) {
    // An expiry from the debounce timer is a batch of its own; with no debounce it runs inside
    // the frame's batch and joins it.
    this.leaves = new LeaveDebouncer(deps.debounceMs, (userId, graceful) =>
      deps.batch(() => this.expire(userId, graceful)),
    );
  }

  /** Raw presence metas joined under `key` (from `presence_state` or `presence_diff`). */
  metasJoined(key: string, metas: readonly unknown[], fullSync: boolean): void {
    for (const raw of metas) {
      const ref = isPlainObject(raw) && typeof raw.phx_ref === 'string' ? raw.phx_ref : null;
      const parsed = parseConnectionState<S>(raw, this.deps.limits, this.deps.now());
      if (ref === null || !parsed.ok) {
        this.deps.reject(
          `presence meta of ${JSON.stringify(key.slice(0, 64))}: ${parsed.ok ? 'no phx_ref' : parsed.reason}`,
        );
        continue;
      }
      this.applyConnection(key, parsed.value, ref, fullSync);
    }
  }

  /** Raw presence metas left under `key`; matched by `phx_ref`, so an update's leave is harmless. */
  metasLeft(key: string, metas: readonly unknown[]): void {
    for (const raw of metas) {
      const ref = isPlainObject(raw) ? raw.phx_ref : undefined;
      const prev = this.deps.store.get(key);
      const conn = prev?.connections.find((c) => c.presenceRef === ref);
      if (!prev || !conn) continue;
      if (this.isLocal(key, conn.connectionId)) {
        // Our own old meta after a reconnect: the local connection stays, it just has no ref now.
        this.setLocalRef(null);
        continue;
      }
      const connections = withoutConnection(prev.connections, conn.connectionId);
      const last = connections.length === 0 && key !== this.deps.selfId;
      this.putUser(key, last ? 'leaving' : prev.status, connections, prev);
      if (last) this.leaves.start(key, [conn.connectionId]);
    }
  }

  /** A `pk:state` broadcast: newer versions replace a connection's state at once. */
  stateMessage(raw: unknown): void {
    const userId = isPlainObject(raw) ? raw.userId : undefined;
    const parsed = parseConnectionState<S>(raw, this.deps.limits, this.deps.now());
    if (typeof userId !== 'string' || userId.length === 0 || !parsed.ok) {
      this.deps.reject(`pk:state broadcast: ${parsed.ok ? 'userId is missing' : parsed.reason}`);
      return;
    }
    const value = parsed.value;
    if (this.isLocal(userId, value.connectionId)) return;
    const prev = this.deps.store.get(userId);
    const conn = prev?.connections.find((c) => c.connectionId === value.connectionId);
    if (!prev || !conn) {
      this.early.remember(userId, value);
      return;
    }
    if (value.version <= conn.version) return;
    const next = {
      ...conn,
      state: value.state,
      version: value.version,
      updatedAt: value.updatedAt,
    };
    this.putUser(userId, prev.status, withConnection(prev.connections, next), prev);
  }

  /** A `pk:leave` broadcast: the next disappearance of that connection is a REMOTE_LEAVE. */
  leaveNotice(raw: unknown): void {
    const parsed = parseLeaveNotice(raw, this.deps.limits);
    if (!parsed.ok) this.deps.reject(`pk:leave broadcast: ${parsed.reason}`);
    else this.leaves.announce(parsed.value.connectionId);
  }

  /** Writes our own connection (after a local change or a subscribe). */
  putLocal(connection: PresenceConnection<S>): void {
    const prev = this.deps.store.get(this.deps.selfId);
    const current = prev?.connections.find((c) => c.connectionId === connection.connectionId);
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
  }

  private applyConnection(
    userId: string,
    value: RemoteConnectionState<S>,
    ref: string,
    fullSync: boolean,
  ): void {
    const prev = this.deps.store.get(userId);
    if (this.isLocal(userId, value.connectionId)) return this.setLocalRef(ref);
    const existing = prev?.connections.find((c) => c.connectionId === value.connectionId);
    const best = this.early.takeNewest(userId, value);
    const conn: PresenceConnection<S> =
      existing && existing.version >= best.version
        ? { ...existing, presenceRef: ref }
        : {
            connectionId: best.connectionId,
            presenceRef: ref,
            state: best.state,
            version: best.version,
            updatedAt: best.updatedAt,
            joinedAt: existing?.joinedAt ?? best.joinedAt,
          };
    this.leaves.cancel(userId);
    this.stale.delete(userId);
    this.putUser(userId, 'online', withConnection(prev?.connections ?? [], conn), prev);
    if (!existing && !fullSync) this.deps.onNewcomer();
  }

  private isLocal(userId: string, connectionId: string): boolean {
    return userId === this.deps.selfId && connectionId === this.deps.localConnectionId;
  }

  /** Our own meta came or went: only the presence ref of the local connection changes. */
  private setLocalRef(ref: string | null): void {
    const prev = this.deps.store.get(this.deps.selfId);
    const local = prev?.connections.find((c) => c.connectionId === this.deps.localConnectionId);
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
