import { withConnection, withoutConnection } from '../model/occupantRecords.js';
import type { Occupant, PresenceConnection, UserState } from '../types.js';
import type { ChainBook } from './ChainBook.js';
import type { EarlyStates } from './EarlyStates.js';
import type { IdentityGate, OpenIdentityGate } from './IdentityGate.js';
import { joinedRecord, recordOf } from './joinedRecord.js';
import type { LeaveDebouncer } from './LeaveDebouncer.js';
import type { OccupantWriter } from './OccupantWriter.js';
import type { StaleMarks } from './StaleMarks.js';
import type { RemoteConnectionState } from './validatePayload.js';

/** What remote joins and leaves share with the reconciler that owns them. */
export interface RemoteJoinsDeps<S extends UserState> {
  selfId: string;
  writer: OccupantWriter<S>;
  chains: ChainBook;
  early: EarlyStates<S>;
  leaves: Pick<LeaveDebouncer, 'cancel' | 'start'>;
  stale: Pick<StaleMarks<S>, 'forget'>;
  onNewcomer(): void;
  reject(reason: string): void;
  batch(write: () => void): void;
  identity?: OpenIdentityGate<S> | null;
}

const NONE: readonly PresenceConnection<never>[] = [];

/** The remote connections labelled `connectionId` (a re-track's predecessors). */
function sameLabelOf<S extends UserState>(
  connections: readonly PresenceConnection<S>[],
  connectionId: string,
): readonly PresenceConnection<S>[] {
  return connections.filter((c) => !c.local && c.connectionId === connectionId);
}

/**
 * Remote connections coming and going, one presence ref each. With verified identity a joined
 * connection waits in the `IdentityGate` until its check settles, and a connection that
 * re-tracks stays shown until its successor settles.
 */
export class RemoteJoins<S extends UserState> {
  /** The identity gate, when identity checks run (broadcasts keep its held connections current). */
  readonly gate: IdentityGate<S> | null;
  readonly #deps: RemoteJoinsDeps<S>;

  constructor(deps: RemoteJoinsDeps<S>) {
    this.#deps = deps;
    this.gate = deps.identity
      ? deps.identity({
          batch: deps.batch,
          settle: (userId, ref, record, retire) =>
            this.#settleIdentity(userId, ref, record, retire),
        })
      : null;
  }

  /** A remote meta joined under `userId` with presence ref `ref`. */
  join(userId: string, value: RemoteConnectionState<S>, ref: string, fullSync: boolean): void {
    const { writer, chains } = this.#deps;
    const prev = writer.get(userId);
    // A newcomer (every meta of a first presence_state) has nothing to compare: no copy.
    const sameLabel = prev ? sameLabelOf(prev.connections, value.connectionId) : NONE;
    const early = this.#deps.early.take(userId, value.connectionId);
    // An unsigned meta's record is what it says (see `recordOf`): no result object per meta.
    const joined = value.proof === null ? null : joinedRecord(value, ref, sameLabel, chains, early);
    const record = joined ? joined.record : recordOf(value, ref);
    const knowledge = joined ? joined.knowledge : null;
    if (sameLabel.length === 0 && !fullSync) this.#deps.onNewcomer();
    if (this.gate) {
      if (this.gate.admit(userId, value, record)) chains.set(ref, knowledge);
      else this.#deps.reject('too many connections await their identity check');
      return;
    }
    chains.set(ref, knowledge);
    this.#show(userId, record, prev);
  }

  /** The remote meta `ref` under `userId` left presence (shown or held). */
  leave(userId: string, ref: string): void {
    const conn = this.#deps.writer
      .get(userId)
      ?.connections.find((c) => !c.local && c.presenceRef === ref);
    if (conn) this.#retire(userId, conn.connectionId, [ref]);
    else this.#leaveHeld(userId, ref);
  }

  /** Forgets held connections. */
  dispose(): void {
    this.gate?.clear();
  }

  /** Puts a remote connection in the store: its user is online (back from any leave window). */
  #show(userId: string, record: PresenceConnection<S>, prev: Occupant<S> | undefined): void {
    this.#deps.leaves.cancel(userId);
    this.#deps.stale.forget(userId);
    this.#deps.writer.put(userId, 'online', withConnection(prev?.connections ?? [], record), prev);
  }

  /**
   * Shown connections labelled `connectionId` left: with a successor held for its identity
   * check (a re-track), they stay shown until it settles; otherwise they go now.
   */
  #retire(userId: string, connectionId: string, refs: readonly string[]): void {
    const now = refs.filter((ref) => !this.gate?.deferLeave(userId, connectionId, ref));
    if (now.length > 0) this.#dropShown(userId, now);
  }

  /** A connection held for its identity check left; what it was to retire goes on or goes. */
  #leaveHeld(userId: string, ref: string): void {
    const held = this.gate?.leave(ref);
    if (!held) return;
    this.#deps.chains.depart(ref, userId, held.record.connectionId);
    if (held.retire.length > 0) this.#retire(userId, held.record.connectionId, held.retire);
  }

  /** Removes shown remote connections that left; a user left with none starts leaving. */
  #dropShown(userId: string, refs: readonly string[]): void {
    const prev = this.#deps.writer.get(userId);
    if (!prev) return;
    let connections = prev.connections;
    for (const ref of refs) {
      const conn = connections.find((c) => !c.local && c.presenceRef === ref);
      if (!conn) continue;
      this.#deps.chains.depart(ref, userId, conn.connectionId);
      connections = withoutConnection(connections, ref);
    }
    const last = connections.length === 0 && userId !== this.#deps.selfId;
    this.#deps.writer.put(userId, last ? 'leaving' : prev.status, connections, prev);
    if (last) this.#deps.leaves.start(userId, refs);
  }

  /** An identity check settled (see `IdentityGate`): show the connection, retire the ones it replaces. */
  #settleIdentity(
    userId: string,
    ref: string,
    record: PresenceConnection<S> | null,
    retire: readonly string[],
  ): void {
    if (record) this.#show(userId, record, this.#deps.writer.get(userId));
    else this.#deps.chains.set(ref, null);
    if (retire.length > 0) this.#dropShown(userId, retire);
  }
}
