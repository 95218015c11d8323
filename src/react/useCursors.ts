import { useCallback, useSyncExternalStore } from 'react';
import {
  CURSOR_DEFAULTS,
  type CursorOptions,
  type CursorPosition,
  type CursorSnapshot,
} from '../core/index.js';
import { useCursorsModel } from './useCursorsModel.js';

/** What {@link useCursors} returns. `move` is stable. */
export interface UseCursorsResult {
  /** Others whose cursor is visible, in the order they appeared; a new array only on change. */
  userIds: readonly string[];
  /**
   * Our pointer, normalised to 0 … 1 across the shared surface, or `null` to hide it. Call it on
   * every pointer move: sends coalesce to the room's pace, and the last position always goes out.
   */
  move: (position: CursorPosition) => void;
  /** Our current gap between two sends, in ms (it follows the room's size and movers). */
  sendIntervalMs: number;
}

const idle: CursorSnapshot = Object.freeze({
  userIds: Object.freeze([]),
  sendIntervalMs: CURSOR_DEFAULTS.minIntervalMs,
});
const noSubscription = () => () => {};

/**
 * Live cursors in the provider's room: who else shows a cursor, and `move` for ours. Broadcast
 * only, never `track`. It re-renders when a cursor appears or goes (or the send interval
 * changes), never on a move: draw each cursor with {@link useCursor}. Hooks with the same options
 * share one model per room.
 *
 * @example
 * const { userIds, move } = useCursors();
 * <div onPointerMove={(e) => move(normalise(e))} onPointerLeave={() => move(null)}>
 *   {userIds.map((id) => <Pointer key={id} userId={id} />)}
 * </div>
 */
export function useCursors(options?: CursorOptions): UseCursorsResult {
  const model = useCursorsModel(options);
  const getSnapshot = useCallback(() => model?.getSnapshot() ?? idle, [model]);
  const { userIds, sendIntervalMs } = useSyncExternalStore(
    model?.subscribe ?? noSubscription,
    getSnapshot,
    getSnapshot,
  );
  const move = useCallback((position: CursorPosition) => model?.move(position), [model]);
  return { userIds, move, sendIntervalMs };
}
