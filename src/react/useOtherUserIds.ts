import type { RoomState, UserState } from '../core/index.js';
import { useRoomSelector } from './useRoomSelector.js';

// One array per `userIds` array, shared by every `useOtherUserIds` in the app. The store makes a
// new `userIds` only when membership changes, so a state change is one WeakMap hit here, and the
// O(N) copy that drops our own id runs once per join or leave, never per update.
const cache = new WeakMap<readonly string[], readonly string[]>();

function otherUserIds(state: RoomState<UserState>): readonly string[] {
  const ids = state.userIds;
  let others = cache.get(ids);
  if (others === undefined) {
    const at = ids.indexOf(state.selfId);
    others = at === -1 ? ids : ids.toSpliced(at, 1);
    cache.set(ids, others);
  }
  return others;
}

/**
 * The user ids of everyone in the room except us, sorted. The array keeps its identity until
 * someone joins or leaves, so a list built on it never re-renders on a state change, and each
 * update costs O(1) however many people are in the room. Let each row read its own occupant with
 * `useOccupant(id)`: a change to one user then re-renders that row only.
 *
 * @example
 * function People() {
 *   const ids = useOtherUserIds();
 *   return <ul>{ids.map((id) => <Row key={id} userId={id} />)}</ul>;
 * }
 * const Row = memo(function Row({ userId }: { userId: string }) {
 *   const status = useOccupant(userId, (o) => o.state.status);
 *   return <li>{userId}: {status}</li>;
 * });
 */
export function useOtherUserIds(): readonly string[] {
  return useRoomSelector(otherUserIds);
}
