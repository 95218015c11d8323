import { EMPTY_STATE, sameState, stateSize } from './stateObject.js';
import type { Occupant, OccupantStatus, PresenceConnection, UserState } from '../types.js';

/** What picking the newest connection reads. */
type Dated = Pick<PresenceConnection, 'updatedAt' | 'version'>;

/** Picks the connection whose state is newest: latest `updatedAt`, then highest version. */
function newestConnection<C extends Dated>(connections: readonly C[]): C | undefined {
  let best: C | undefined;
  for (const c of connections) {
    if (
      !best ||
      c.updatedAt > best.updatedAt ||
      (c.updatedAt === best.updatedAt && c.version > best.version)
    )
      best = c;
  }
  return best;
}

/**
 * The state the room sees for a user: that of their most recently updated connection. For our
 * own record this differs from `state` (this tab's) when we have other tabs.
 */
export function newestState<C extends Dated & { readonly state: unknown }>(
  connections: readonly C[],
): C['state'] | undefined {
  return newestConnection(connections)?.state;
}

/** Every connection verified, when identity checks run (`undefined` when they do not). */
function allVerified<S extends UserState>(
  connections: readonly PresenceConnection<S>[],
): boolean | undefined {
  let verified: boolean | undefined;
  for (const c of connections) {
    if (c.verified === undefined) continue;
    verified = (verified ?? true) && c.verified;
  }
  return verified;
}

/**
 * Builds an occupant record from its connections. Our own record (`isSelf`) takes its state from
 * this tab's connection only (`local`), never from another connection under our key. When
 * `previous` exists, its state object is reused if the content is the same, and `previous`
 * itself is returned when nothing differs, so unchanged users keep their identity (and their
 * React rows do not re-render).
 */
export function buildOccupant<S extends UserState>(
  userId: string,
  isSelf: boolean,
  status: OccupantStatus,
  connections: readonly PresenceConnection<S>[],
  previous: Occupant<S> | undefined,
): Occupant<S> {
  const source = isSelf ? connections.find((c) => c.local) : newestConnection(connections);
  // A user in the flap-debounce window has no connections; keep their last state until they go.
  let state: Readonly<S> = source?.state ?? previous?.state ?? (EMPTY_STATE as Readonly<S>);
  const verified = allVerified(connections);
  if (previous && sameState(previous.state, state)) state = previous.state;
  let joinedAt = previous?.joinedAt ?? Number.POSITIVE_INFINITY;
  for (const c of connections) joinedAt = Math.min(joinedAt, c.joinedAt);
  if (!Number.isFinite(joinedAt)) joinedAt = Date.now();
  if (
    previous &&
    previous.status === status &&
    previous.state === state &&
    previous.isSelf === isSelf &&
    previous.joinedAt === joinedAt &&
    previous.verified === verified &&
    sameConnections(previous.connections, connections)
  ) {
    return previous;
  }
  const statesCount = stateSize(state);
  // Two literals rather than a spread: a cold presence_state builds 10,000 of these at once.
  return verified === undefined
    ? { userId, isSelf, status, state, statesCount, connections, joinedAt }
    : { userId, isSelf, status, state, statesCount, connections, joinedAt, verified };
}

/**
 * True when `a` and `b` are the same connection record: our own (`local`), or a remote one with
 * the same server-assigned `presenceRef`. The client-chosen `connectionId` is never an identity.
 */
export function sameRecord<S extends UserState>(
  a: PresenceConnection<S>,
  b: PresenceConnection<S>,
): boolean {
  if (a.local || b.local) return a.local === b.local;
  return a.presenceRef !== null && a.presenceRef === b.presenceRef;
}

function sameConnections<S extends UserState>(
  a: readonly PresenceConnection<S>[],
  b: readonly PresenceConnection<S>[],
): boolean {
  return a === b || (a.length === b.length && a.every((c, i) => c === b[i]));
}

/** `connections` with `next` in place of the same record (see `sameRecord`), or appended. */
export function withConnection<S extends UserState>(
  connections: readonly PresenceConnection<S>[],
  next: PresenceConnection<S>,
): readonly PresenceConnection<S>[] {
  if (connections.length === 0) return [next];
  const index = connections.findIndex((c) => sameRecord(c, next));
  if (index < 0) return [...connections, next];
  if (connections[index] === next) return connections;
  const copy = connections.slice();
  copy[index] = next;
  return copy;
}

/** `connections` without the remote record whose presence ref is `presenceRef`. */
export function withoutConnection<S extends UserState>(
  connections: readonly PresenceConnection<S>[],
  presenceRef: string,
): readonly PresenceConnection<S>[] {
  const index = connections.findIndex((c) => !c.local && c.presenceRef === presenceRef);
  if (index < 0) return connections;
  return [...connections.slice(0, index), ...connections.slice(index + 1)];
}
