import { useMemo } from 'react';
import { createMicSeats } from '../core/index.js';
import type { MicSeats, Occupant, Presence, Room, UserState } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';
import { ModelRegistry } from './ModelRegistry.js';
import type { RoomBinding } from './RoomBinding.js';
import { useSharedModel } from './useSharedModel.js';

/** What picks one shared seat model of a room: its size and its host. */
export interface MicSeatsKey {
  /** Number of seats, 1 … 256. */
  seatCount: number;
  /** The user who may lock, unlock and kick. */
  hostId?: string | undefined;
}

type AnySeats = MicSeats<Occupant<UserState>>;

// One model per room and key, however many hooks and components read it: one set of keyed
// subscriptions, one level sender, one reload restore.
const models = new ModelRegistry<AnySeats>();

// Runs on every render of every seat hook: a template, not JSON. The number never holds a space,
// so `8 ` + id cannot collide with another size's key, and "no host" has no space at all.
function keyOf({ seatCount, hostId }: MicSeatsKey): string {
  return hostId === undefined ? String(seatCount) : `${seatCount} ${hostId}`;
}

/**
 * Internal: the provider room's shared seat model for `key`, or `null` until the room exists (on
 * the server, before the provider's effect). Every caller holds it while mounted.
 */
export function useMicSeatsModel<S extends UserState>(
  key: MicSeatsKey,
): MicSeats<Occupant<S>> | null {
  const { room, presence } = usePresenceContext<S>();
  const { seatCount, hostId } = key;
  const id = keyOf(key);
  const anyRoom = room as Room<UserState> | null;
  const create = useMemo(() => {
    if (anyRoom === null || presence === null) return null;
    const writer = presence as Presence<UserState>;
    return () => createMicSeats(anyRoom, { presence: writer, seatCount, hostId });
  }, [anyRoom, presence, seatCount, hostId]);
  const model = useSharedModel(models, anyRoom, id, create);
  return model as MicSeats<Occupant<S>> | null;
}

/** Internal: resolves with the shared model once the provider's room has one for `key`. */
export function whenMicSeatsModel(binding: RoomBinding, key: MicSeatsKey): Promise<AnySeats> {
  const id = keyOf(key);
  return binding
    .when((snapshot) => snapshot.room)
    .then((room) => {
      const now = models.peek(room, id);
      if (now !== null) return now;
      return new Promise<AnySeats>((resolve) => {
        const stop = models.subscribe(() => {
          const model = models.peek(room, id);
          if (model === null) return;
          stop();
          resolve(model);
        });
      });
    });
}
