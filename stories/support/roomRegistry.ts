import type { SimulatedRoomHandle } from './SimulatedRoom.js';

// Play functions run beside the rendered story, not inside it: they find its room here, by the
// story id the decorator registered it under.
const rooms = new Map<string, SimulatedRoomHandle>();
const waiters = new Map<string, Set<(handle: SimulatedRoomHandle) => void>>();

/** Registers a story's live room. */
export function publishRoom(key: string, handle: SimulatedRoomHandle): void {
  rooms.set(key, handle);
  for (const resolve of waiters.get(key) ?? []) resolve(handle);
  waiters.delete(key);
}

/** Removes it again (only if it is still the registered one: StrictMode mounts twice). */
export function unpublishRoom(key: string, handle: SimulatedRoomHandle): void {
  if (rooms.get(key) === handle) rooms.delete(key);
}

/** The story's room, once its decorator has built it. */
export function roomFor(key: string, timeoutMs = 30_000): Promise<SimulatedRoomHandle> {
  const live = rooms.get(key);
  if (live !== undefined) return Promise.resolve(live);
  return new Promise((resolve, reject) => {
    const set = waiters.get(key) ?? new Set();
    const done = (handle: SimulatedRoomHandle): void => {
      clearTimeout(timer);
      resolve(handle);
    };
    const timer = setTimeout(() => {
      set.delete(done);
      reject(new Error(`no simulated room for story ${key}`));
    }, timeoutMs);
    set.add(done);
    waiters.set(key, set);
  });
}
