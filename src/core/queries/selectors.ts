import { decodeBookmark, encodeBookmark } from './bookmark.js';
import { PRESENCE_DEFAULTS } from '../facade/limits.js';
import { PresenceError } from '../facade/PresenceError.js';
import { searchIds } from '../model/sortedIds.js';
import { EMPTY_STATE } from '../model/stateObject.js';
import type {
  Occupant,
  RoomState,
  UserState,
  UserStateRecord,
  WhoNowOptions,
  WhoNowResult,
} from '../types.js';

/** Agora's `UserState` record of an occupant. The `states` object is the store's frozen one. */
export function toUserStateRecord<S extends UserState>(occupant: Occupant<S>): UserStateRecord<S> {
  return {
    userId: occupant.userId,
    states: occupant.state as S,
    statesCount: occupant.statesCount,
  };
}

/** The occupant record of `userId`, or `undefined`. O(1). */
export function selectOccupant<S extends UserState>(
  state: RoomState<S>,
  userId: string,
): Occupant<S> | undefined {
  return state.occupants.get(userId);
}

/** `{ userId, states, statesCount }` of `userId`, or `undefined` when absent. O(1). */
export function selectUserState<S extends UserState>(
  state: RoomState<S>,
  userId: string,
): UserStateRecord<S> | undefined {
  const occupant = state.occupants.get(userId);
  return occupant ? toUserStateRecord(occupant) : undefined;
}

/** Checks whoNow options; throws `PresenceError` (`INVALID_ARGUMENT`) like Agora does. */
export function normalizeWhoNowOptions(
  options: WhoNowOptions | undefined,
  operation = 'whoNow',
): Required<Omit<WhoNowOptions, 'page'>> & { after: string | null } {
  const includedUserId = options?.includedUserId ?? true;
  const includedState = options?.includedState ?? false;
  const pageSize = options?.pageSize ?? PRESENCE_DEFAULTS.pageSize;
  if (typeof includedUserId !== 'boolean' || typeof includedState !== 'boolean') {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      operation,
      'includedUserId and includedState must be booleans',
    );
  }
  if (includedState && !includedUserId) {
    throw new PresenceError('INVALID_ARGUMENT', operation, 'includedState requires includedUserId');
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > PRESENCE_DEFAULTS.maxPageSize) {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      operation,
      `pageSize must be an integer from 1 to ${PRESENCE_DEFAULTS.maxPageSize}`,
    );
  }
  let after: string | null = null;
  if (options?.page !== undefined && options.page !== '') {
    after = typeof options.page === 'string' ? decodeBookmark(options.page) : null;
    if (after === null)
      throw new PresenceError('INVALID_ARGUMENT', operation, 'page is not a bookmark from whoNow');
  }
  return { includedUserId, includedState, pageSize, after };
}

/**
 * Agora `whoNow` over a room snapshot: a page of `pageSize` users in id order starting after the
 * bookmark (one binary search + the page), or just the count when both flags are false.
 * `totalOccupancy` always counts the whole room. Throws `PresenceError` on bad options.
 */
export function selectWhoNow<S extends UserState>(
  state: RoomState<S>,
  options?: WhoNowOptions,
): WhoNowResult<S> {
  const { includedUserId, includedState, pageSize, after } = normalizeWhoNowOptions(options);
  const totalOccupancy = state.occupancy;
  if (!includedUserId) return { totalOccupancy, occupants: [], nextPage: '' };
  const ids = state.userIds;
  const start = after === null ? 0 : searchIds(ids, after, true);
  const end = Math.min(ids.length, start + pageSize);
  const occupants: UserStateRecord<S>[] = [];
  for (let i = start; i < end; i += 1) {
    const userId = ids[i] as string;
    const occupant = includedState ? state.occupants.get(userId) : undefined;
    occupants.push(
      occupant ? toUserStateRecord(occupant) : { userId, states: EMPTY_STATE as S, statesCount: 0 },
    );
  }
  const nextPage = end < ids.length && end > start ? encodeBookmark(ids[end - 1] as string) : '';
  return { totalOccupancy, occupants, nextPage };
}

/**
 * A memoised `selectWhoNow` for hooks (`useSyncExternalStore` needs a stable snapshot): it returns
 * the previous result while the page's inputs are unchanged — the id list (and, with states, the
 * page's occupant records) keep their identity.
 */
export function createWhoNowSelector<S extends UserState>(): (
  state: RoomState<S>,
  options?: WhoNowOptions,
) => WhoNowResult<S> {
  let last: {
    key: string;
    ids: readonly string[];
    occupancy: number;
    records: (Occupant<S> | undefined)[];
    result: WhoNowResult<S>;
  } | null = null;
  return (state, options) => {
    const key = JSON.stringify([
      options?.includedUserId,
      options?.includedState,
      options?.page,
      options?.pageSize,
    ]);
    const withState = options?.includedState === true;
    if (
      last &&
      last.key === key &&
      last.ids === state.userIds &&
      last.occupancy === state.occupancy
    ) {
      const records = last.records;
      const unchanged =
        !withState ||
        last.result.occupants.every((o, i) => state.occupants.get(o.userId) === records[i]);
      if (unchanged) return last.result;
    }
    const result = selectWhoNow(state, options);
    const records = withState ? result.occupants.map((o) => state.occupants.get(o.userId)) : [];
    last = { key, ids: state.userIds, occupancy: state.occupancy, records, result };
    return result;
  };
}

/** The other occupants (self excluded), in id order. O(N): meant for small rooms and lists. */
export function selectOthers<S extends UserState>(state: RoomState<S>): Occupant<S>[] {
  const out: Occupant<S>[] = [];
  for (const userId of state.userIds) {
    const occupant = state.occupants.get(userId);
    if (occupant && !occupant.isSelf) out.push(occupant);
  }
  return out;
}
