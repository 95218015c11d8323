import { useCallback, useSyncExternalStore } from 'react';
import type { Cursor, CursorOptions, Occupant, UserState } from '../core/index.js';
import { useCursorsModel } from './useCursorsModel.js';

const noSubscription = () => () => {};

/**
 * One other user's visible cursor in the provider's room (`x` and `y` from 0 to 1, and their
 * `occupant` for the profile), or `undefined` while hidden or gone. It re-renders on that
 * cursor's moves only: another cursor's move does not wake it. Pass the options of the
 * {@link useCursors} it goes with, so both read the same model.
 *
 * @example
 * function Pointer({ userId }: { userId: string }) {
 *   const cursor = useCursor(userId);
 *   return cursor && <div style={{ transform: `translate(${cursor.x * 100}cqw, ${cursor.y * 100}cqh)` }} />;
 * }
 */
export function useCursor<S extends UserState = UserState>(
  userId: string,
  options?: CursorOptions,
): Cursor<Occupant<S>> | undefined {
  const model = useCursorsModel<S>(options);
  const subscribe = useCallback(
    (listener: () => void) => model?.subscribeCursor(userId, listener) ?? noSubscription(),
    [model, userId],
  );
  const get = useCallback(() => model?.getCursor(userId), [model, userId]);
  return useSyncExternalStore(subscribe, get, get);
}
