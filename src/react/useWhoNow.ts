import { useCallback, useState } from 'react';
import { createWhoNowSelector } from '../core/index.js';
import type { RoomState, UserState, WhoNowOptions, WhoNowResult } from '../core/index.js';
import { useRoomSelector } from './useRoomSelector.js';
import type { EqualityFn } from './EqualityFn.js';

/**
 * A live Agora `whoNow` page read from the room's store (no network): `totalOccupancy`, up to
 * `pageSize` occupants in id order (with `states` when `includedState`), and the `nextPage`
 * bookmark. Bookmarks stay valid while people come and go. The page keeps its identity until its
 * inputs change. Bad options throw a `PresenceError` (`INVALID_ARGUMENT`) during render.
 *
 * @example
 * const [page, setPage] = useState('');
 * const { occupants, nextPage, totalOccupancy } = useWhoNow({ page, pageSize: 20, includedState: true });
 */
export function useWhoNow<S extends UserState = UserState>(
  options?: WhoNowOptions,
): WhoNowResult<S>;
export function useWhoNow<S extends UserState = UserState, T = WhoNowResult<S>>(
  options: WhoNowOptions | undefined,
  selector: (result: WhoNowResult<S>) => T,
  isEqual?: EqualityFn<T>,
): T;
export function useWhoNow<S extends UserState, T>(
  options?: WhoNowOptions,
  selector?: (result: WhoNowResult<S>) => T,
  isEqual?: EqualityFn<T>,
): T | WhoNowResult<S> {
  const [selectPage] = useState(() => createWhoNowSelector<S>());
  const { includedUserId, includedState, page, pageSize } = options ?? {};
  const select = useCallback(
    (state: RoomState<S>) => {
      const result = selectPage(
        state,
        definedOnly({ includedUserId, includedState, page, pageSize }),
      );
      return selector === undefined ? result : selector(result);
    },
    [selectPage, includedUserId, includedState, page, pageSize, selector],
  );
  return useRoomSelector(select, isEqual as EqualityFn<T | WhoNowResult<S>>);
}

// `exactOptionalPropertyTypes`: pass absent options as absent, not as `undefined`.
function definedOnly(options: {
  [K in keyof WhoNowOptions]: WhoNowOptions[K] | undefined;
}): WhoNowOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as WhoNowOptions;
}
