import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { createCursors } from '../core/index.js';
import type { CursorOptions, CursorsModel, Occupant, Room, UserState } from '../core/index.js';
import { useRoom } from './useRoom.js';

type AnyCursors = CursorsModel<Occupant<UserState>>;

interface Entry {
  readonly model: AnyCursors;
  refs: number;
}

// One model per room and options, however many hooks and components read it: one listener, one
// sender (two senders of one tab would each spend the budget). Keyed by the room, so nothing
// outlives it.
const models = new WeakMap<Room<UserState>, Map<string, Entry>>();
const listeners = new Set<() => void>();

const subscribeModels = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const notify = () => [...listeners].forEach((listener) => listener());
const noModel = (): null => null;

/** Counts a user of the model, creating it on first use; returns the release. */
function acquire(room: Room<UserState>, id: string, options: CursorOptions): () => void {
  let byKey = models.get(room);
  if (byKey === undefined) models.set(room, (byKey = new Map()));
  let entry = byKey.get(id);
  if (entry === undefined) {
    byKey.set(id, (entry = { model: createCursors(room, options), refs: 0 }));
    notify();
  }
  const held = entry;
  held.refs += 1;
  return () => {
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
 * Internal: the provider room's shared cursor model for these options, or `null` until the room
 * exists (on the server, before the provider's effect). Every caller holds it while mounted.
 */
export function useCursorsModel<S extends UserState>(
  options: CursorOptions = {},
): CursorsModel<Occupant<S>> | null {
  const room = useRoom<S>() as Room<UserState> | null;
  const { messagesPerSecond, minIntervalMs } = options;
  const id = `${messagesPerSecond} ${minIntervalMs}`;
  const read = useCallback(
    () => (room === null ? null : (models.get(room)?.get(id)?.model ?? null)),
    [room, id],
  );
  const model = useSyncExternalStore(subscribeModels, read, noModel);
  useEffect(() => {
    if (room === null) return undefined;
    const settings: CursorOptions = {};
    if (messagesPerSecond !== undefined) settings.messagesPerSecond = messagesPerSecond;
    if (minIntervalMs !== undefined) settings.minIntervalMs = minIntervalMs;
    return acquire(room, id, settings);
  }, [room, id, messagesPerSecond, minIntervalMs]);
  return model as CursorsModel<Occupant<S>> | null;
}
