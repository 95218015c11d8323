import { EMPTY_STATE, sameState, stateSize } from './stateObject.js';
import type { Occupant, OccupantStatus, PresenceConnection, UserState } from '../types.js';

/** Picks the connection whose state is newest: latest `updatedAt`, then highest version. */
function newestConnection<S extends UserState>(
  connections: readonly PresenceConnection<S>[],
): PresenceConnection<S> | undefined {
  let best: PresenceConnection<S> | undefined;
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
 * Builds an occupant record from its connections. When `previous` exists, its state object is
 * reused if the content is the same, and `previous` itself is returned when nothing differs, so
 * unchanged users keep their identity (and their React rows do not re-render).
 */
export function buildOccupant<S extends UserState>(
  userId: string,
  isSelf: boolean,
  status: OccupantStatus,
  connections: readonly PresenceConnection<S>[],
  previous: Occupant<S> | undefined,
): Occupant<S> {
  const newest = newestConnection(connections);
  // A user in the flap-debounce window has no connections; keep their last state until they go.
  let state: Readonly<S> = newest?.state ?? previous?.state ?? (EMPTY_STATE as Readonly<S>);
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
    sameConnections(previous.connections, connections)
  ) {
    return previous;
  }
  return { userId, isSelf, status, state, statesCount: stateSize(state), connections, joinedAt };
}

function sameConnections<S extends UserState>(
  a: readonly PresenceConnection<S>[],
  b: readonly PresenceConnection<S>[],
): boolean {
  return a === b || (a.length === b.length && a.every((c, i) => c === b[i]));
}

/** `connections` with `next` in place of the connection that has the same id (or appended). */
export function withConnection<S extends UserState>(
  connections: readonly PresenceConnection<S>[],
  next: PresenceConnection<S>,
): readonly PresenceConnection<S>[] {
  const index = connections.findIndex((c) => c.connectionId === next.connectionId);
  if (index < 0) return [...connections, next];
  if (connections[index] === next) return connections;
  const copy = connections.slice();
  copy[index] = next;
  return copy;
}

/** `connections` without the one with `connectionId`. */
export function withoutConnection<S extends UserState>(
  connections: readonly PresenceConnection<S>[],
  connectionId: string,
): readonly PresenceConnection<S>[] {
  const index = connections.findIndex((c) => c.connectionId === connectionId);
  if (index < 0) return connections;
  return [...connections.slice(0, index), ...connections.slice(index + 1)];
}
