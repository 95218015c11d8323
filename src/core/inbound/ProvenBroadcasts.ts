import type { StateLimits } from '../facade/limits.js';
import { withConnection } from '../model/occupantRecords.js';
import { isPlainObject } from '../model/validateState.js';
import type { Occupant, OccupantStatus, PresenceConnection, UserState } from '../types.js';
import type { ChainBook } from './ChainBook.js';
import type { ChainKnowledge } from './ChainKnowledge.js';
import { checkProof, ProofWalk } from './ChainKnowledge.js';
import type { EarlyStates } from './EarlyStates.js';
import type { IdentityGate } from './IdentityGate.js';
import type { LeaveDebouncer } from './LeaveDebouncer.js';
import type { LeaveNotice, RemoteConnectionState } from './validatePayload.js';
import { parseConnectionState, parseLeaveNotice } from './validatePayload.js';

/** What the broadcast side shares with the reconciler that owns it. */
export interface ProvenBroadcastsDeps<S extends UserState> {
  selfId: string;
  localConnectionId: string;
  limits: StateLimits;
  now(): number;
  reject(reason: string): void;
  chains: ChainBook;
  early: EarlyStates<S>;
  leaves: Pick<LeaveDebouncer, 'announce' | 'retract'>;
  /** The batch's current record of a user. */
  get(userId: string): Occupant<S> | undefined;
  /** Connections held back for their identity check, kept current too (see `IdentityGate`). */
  held: Pick<IdentityGate<S>, 'heldOf' | 'update'> | null;
  /** Writes a user's record with new connections. */
  put(
    userId: string,
    status: OccupantStatus,
    connections: readonly PresenceConnection<S>[],
    prev: Occupant<S>,
  ): void;
}

/**
 * `pk:state` and `pk:leave` broadcasts. Anyone in a channel can broadcast anything, so each one
 * names a connection by its label (`connectionId`) and is applied only to the connections of
 * that label whose chain its proof continues: the real connection, and any copy whose meta
 * copied the real chain (which then only ever shows the real connection's state).
 */
export class ProvenBroadcasts<S extends UserState> {
  readonly #deps: ProvenBroadcastsDeps<S>;

  constructor(deps: ProvenBroadcastsDeps<S>) {
    this.#deps = deps;
  }

  /** A `pk:state` broadcast. */
  state(raw: unknown): void {
    const userId = isPlainObject(raw) ? raw.userId : undefined;
    const parsed = parseConnectionState<S>(raw, this.#deps.limits, this.#deps.now());
    if (typeof userId !== 'string' || userId.length === 0 || !parsed.ok) {
      this.#deps.reject(`pk:state broadcast: ${parsed.ok ? 'userId is missing' : parsed.reason}`);
      return;
    }
    const problem = this.#applyState(userId, parsed.value);
    if (problem)
      this.#deps.reject(`pk:state for ${JSON.stringify(userId.slice(0, 64))}: ${problem}`);
  }

  /** A `pk:leave` broadcast: the next disappearance of that connection is a REMOTE_LEAVE. */
  leave(raw: unknown): void {
    const parsed = parseLeaveNotice(raw, this.#deps.limits);
    const problem = parsed.ok ? this.#applyLeave(parsed.value) : parsed.reason;
    if (problem) this.#deps.reject(`pk:leave broadcast: ${problem}`);
  }

  /** Applies a `pk:state`; returns why it was refused, or `null`. */
  #applyState(userId: string, value: RemoteConnectionState<S>): string | null {
    const deps = this.#deps;
    if (userId === deps.selfId && value.connectionId === deps.localConnectionId)
      return 'it claims our own connection';
    if (value.proof === null) return 'it carries no proof';
    const prev = deps.get(userId);
    const label = (c: PresenceConnection<S>) =>
      !c.local && c.connectionId === value.connectionId && deps.chains.get(c.presenceRef);
    const shown = (prev?.connections ?? []).filter(label);
    const held = deps.held?.heldOf(userId, value.connectionId).filter(label) ?? [];
    if (shown.length === 0 && held.length === 0) {
      // Its meta may still be on the way: it waits, unproven, and is checked when the meta joins.
      return deps.early.remember(userId, value)
        ? null
        : 'it names an unknown user by an over-long id';
    }
    let refused: string | null = null;
    let applied = false;
    const walk = new ProofWalk(value.proof);
    const proven = (target: PresenceConnection<S>): PresenceConnection<S> | null => {
      const result = this.#prove(target, value, walk);
      if (typeof result === 'string') refused = result;
      else if (result) applied = true;
      return typeof result === 'string' ? null : result;
    };
    for (const target of held) {
      const next = proven(target);
      if (next) deps.held?.update(next);
    }
    let connections = prev?.connections ?? [];
    for (const target of shown) {
      const next = proven(target);
      if (next) connections = withConnection(connections, next);
    }
    if (prev && connections !== prev.connections) deps.put(userId, prev.status, connections, prev);
    return applied ? null : refused;
  }

  /**
   * `target` with the state of `value` when its proof continues target's chain; otherwise why
   * not, or `null` for an old position (a duplicate or replay, dropped silently).
   */
  #prove(
    target: PresenceConnection<S>,
    value: RemoteConnectionState<S>,
    walk: ProofWalk,
  ): PresenceConnection<S> | string | null {
    const ref = target.presenceRef as string;
    const known = this.#deps.chains.get(ref) as ChainKnowledge;
    const checked = checkProof(known, value.version, value.proof as Uint32Array, walk);
    if (!checked.ok) return checked.stale ? null : checked.reason;
    this.#deps.chains.set(ref, checked.knowledge);
    this.#deps.leaves.retract(ref);
    const { state, version, updatedAt } = value;
    return { ...target, state, version, updatedAt };
  }

  /** Announces each live or recently departed connection the goodbye proves; returns a refusal. */
  #applyLeave(notice: LeaveNotice): string | null {
    const { userId, connectionId, version, proof } = notice;
    if (proof === null) return 'it carries no proof';
    const { chains } = this.#deps;
    const candidates: [string, ChainKnowledge | undefined, boolean][] = [];
    const live = [
      ...(this.#deps.get(userId)?.connections ?? []),
      ...(this.#deps.held?.heldOf(userId, connectionId) ?? []),
    ];
    for (const c of live)
      if (!c.local && c.connectionId === connectionId && c.presenceRef !== null)
        candidates.push([c.presenceRef, chains.get(c.presenceRef), false]);
    for (const [ref, known] of chains.departedOf(userId, connectionId))
      candidates.push([ref, known, true]);
    if (candidates.length === 0) return 'no such connection';
    let refused: string | null = null;
    let proven = false;
    const walk = new ProofWalk(proof);
    for (const [ref, known, departed] of candidates) {
      const checked = known ? checkProof(known, version, proof, walk) : null;
      if (!checked?.ok) {
        if (!checked?.stale) refused = checked?.reason ?? 'the connection announced no chain';
        continue;
      }
      if (departed) chains.setDeparted(ref, checked.knowledge);
      else chains.set(ref, checked.knowledge);
      this.#deps.leaves.announce(ref);
      proven = true;
    }
    return proven ? null : refused;
  }
}
