import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { createMicSeats } from '../core/index.js';
import type { MicSeats, Occupant, Presence, Room, UserState } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';
import type { RoomBinding } from './RoomBinding.js';

/** What picks one shared seat model of a room: its size and its host. */
export interface MicSeatsKey {
  /** Number of seats, 1 … 256. */
  seatCount: number;
  /** The user who may lock, unlock and kick. */
  hostId?: string | undefined;
}

type AnySeats = MicSeats<Occupant<UserState>>;

interface Entry {
  readonly model: AnySeats;
  refs: number;
}

// One model per room and key, however many hooks and components read it: one set of keyed
// subscriptions, one level sender, one reload restore. Keyed by the room, so nothing outlives it.
const models = new WeakMap<Room<UserState>, Map<string, Entry>>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of [...listeners]) listener();
}

function subscribeModels(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Runs on every render of every seat hook: a template, not JSON. The number never holds a space,
// so `8 ` + id cannot collide with another size's key, and "no host" has no space at all.
function keyOf({ seatCount, hostId }: MicSeatsKey): string {
  return hostId === undefined ? String(seatCount) : `${seatCount} ${hostId}`;
}

const noModel = (): null => null;

function peek(room: Room<UserState> | null, key: string): AnySeats | null {
  return room === null ? null : (models.get(room)?.get(key)?.model ?? null);
}

/** Counts a user of the model, creating it on first use; returns the release. */
function acquire(
  room: Room<UserState>,
  presence: Presence<UserState>,
  key: MicSeatsKey,
): () => void {
  let byKey = models.get(room);
  if (byKey === undefined) models.set(room, (byKey = new Map()));
  const id = keyOf(key);
  let entry = byKey.get(id);
  if (entry === undefined) {
    const model = createMicSeats(room, { presence, seatCount: key.seatCount, hostId: key.hostId });
    byKey.set(id, (entry = { model, refs: 0 }));
    notify();
  }
  const held = entry;
  held.refs += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.refs -= 1;
    // One microtask: StrictMode's effect replay re-acquires before then and keeps the model.
    queueMicrotask(() => {
      if (held.refs > 0 || byKey.get(id) !== held) return;
      byKey.delete(id);
      held.model.destroy();
      notify();
    });
  };
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
  // A stable reader: a new one each render would make React queue a passive effect per render
  // of every seat that calls this.
  const read = useCallback(() => peek(anyRoom, id), [anyRoom, id]);
  const model = useSyncExternalStore(subscribeModels, read, noModel);
  useEffect(() => {
    if (anyRoom === null || presence === null) return undefined;
    return acquire(anyRoom, presence as Presence<UserState>, { seatCount, hostId });
  }, [anyRoom, presence, seatCount, hostId]);
  return model as MicSeats<Occupant<S>> | null;
}

/** Internal: resolves with the shared model once the provider's room has one for `key`. */
export function whenMicSeatsModel(binding: RoomBinding, key: MicSeatsKey): Promise<AnySeats> {
  const id = keyOf(key);
  return binding
    .when((snapshot) => snapshot.room)
    .then((room) => {
      const now = peek(room, id);
      if (now !== null) return now;
      return new Promise<AnySeats>((resolve) => {
        const stop = subscribeModels(() => {
          const model = peek(room, id);
          if (model === null) return;
          stop();
          resolve(model);
        });
      });
    });
}
