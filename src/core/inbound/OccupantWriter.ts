import type { BatchedStore } from '../model/BatchedStore.js';
import { buildOccupant, withConnection } from '../model/occupantRecords.js';
import type { Occupant, OccupantStatus, PresenceConnection, UserState } from '../types.js';

/** The store calls the reconciler makes: reads and writes of the open batch. */
export type ReconcilerStore<S extends UserState> = Pick<
  BatchedStore<S>,
  'get' | 'write' | 'remove' | 'committedUserIds'
>;

/**
 * Writes occupant records into the open batch, rebuilding each from its connections (see
 * `buildOccupant`), and keeps our own record's local connection.
 */
export class OccupantWriter<S extends UserState> {
  readonly #selfId: string;

  constructor(
    readonly store: ReconcilerStore<S>,
    selfId: string,
  ) {
    this.#selfId = selfId;
  }

  /** The batch's current record of `userId`. */
  get(userId: string): Occupant<S> | undefined {
    return this.store.get(userId);
  }

  /** Writes `userId` with `connections`; `prev` is the batch's current record of that user. */
  put(
    userId: string,
    status: OccupantStatus,
    connections: readonly PresenceConnection<S>[],
    prev: Occupant<S> | undefined,
  ): void {
    const next = buildOccupant(userId, userId === this.#selfId, status, connections, prev);
    if (next !== prev) this.store.write(next, prev);
  }

  /** Writes our own connection (after a local change or a subscribe), keeping its ref. */
  putLocal(connection: PresenceConnection<S>): void {
    const prev = this.store.get(this.#selfId);
    const current = prev?.connections.find((c) => c.local);
    const next = current ? { ...connection, presenceRef: current.presenceRef } : connection;
    this.put(this.#selfId, 'online', withConnection(prev?.connections ?? [], next), prev);
  }

  /** Our own meta came or went: only the presence ref of the local connection changes. */
  setLocalRef(ref: string | null): void {
    const prev = this.store.get(this.#selfId);
    const local = prev?.connections.find((c) => c.local);
    if (!prev || !local) return;
    const connections = withConnection(prev.connections, { ...local, presenceRef: ref });
    this.put(this.#selfId, 'online', connections, prev);
  }

  /** True when `ref` is the presence ref of our local connection. */
  isLocalRef(ref: string): boolean {
    return !!this.store
      .get(this.#selfId)
      ?.connections.some((c) => c.local && c.presenceRef === ref);
  }
}
