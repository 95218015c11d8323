import { diffSortedIds } from './diffSortedIds.js';
import type { SeatOccupant, SeatRoom } from './seatTypes.js';

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
    diffSortedIds(previous, next, add, remove);
  };
  const stopStore = room.store.subscribe(sync);
  sync();
  return () => {
    stopStore();
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  };
}
