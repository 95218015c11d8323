import type { Occupant } from 'presence-kit';
import type { DemoState } from './presence.js';
import { usePresence } from './presence.js';

/**
 * The voice room's host: the first user in, i.e. the earliest `joinedAt` among the occupants
 * (ties by user id). Every client holds the same occupants, so every client picks the same host,
 * and when the host leaves the next-earliest takes over.
 */
export function pickHost(occupants: Iterable<Occupant<DemoState>>): string | undefined {
  let host: Occupant<DemoState> | undefined;
  for (const occupant of occupants) {
    const earlier =
      host === undefined ||
      occupant.joinedAt < host.joinedAt ||
      (occupant.joinedAt === host.joinedAt && occupant.userId < host.userId);
    if (earlier) host = occupant;
  }
  return host?.userId;
}

/** {@link pickHost} for the provider's room, re-rendering only when the host changes. */
export function useHostId(): string | undefined {
  return usePresence((room) => pickHost(room.occupants));
}
