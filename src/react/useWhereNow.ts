import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PresenceError, WhereNowResult } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';
import { useLatestCallback } from './useLatestCallback.js';
import { useRoomSelector } from './useRoomSelector.js';
import type { EqualityFn } from './EqualityFn.js';

/** The state of a `whereNow` lookup, TanStack Query style. */
export interface WhereNowQuery<T = WhereNowResult> {
  /** The last result for this user id (kept while refetching and after a failed refetch). */
  data: T | undefined;
  /** The last failure for this user id, `null` after a success. */
  error: PresenceError | null;
  /** A lookup for the current user id is in flight. */
  isFetching: boolean;
  /** Looks again. */
  refetch(): void;
}

interface Settled {
  readonly key: string;
  readonly userId: string;
  readonly data: WhereNowResult | undefined;
  readonly error: PresenceError | null;
}

const sameChannels: EqualityFn<WhereNowResult> = (a, b) =>
  a.totalChannel === b.totalChannel &&
  a.channels.every(
    (c, i) =>
      c.channelName === b.channels[i]?.channelName && c.channelType === b.channels[i]?.channelType,
  );

/**
 * The channels a user is in (Agora `whereNow`). For us the engine answers exactly from our own
 * joins; for others from the opt-in directory channel (`options.directory`), else from the rooms
 * we share. It looks again when this room's status changes or the user comes or goes here; call
 * `refetch()` for changes elsewhere. `isEqual` compares raw
 * results: an equal refetch keeps `data` identical. The selector maps `data`.
 *
 * @example
 * const { data, isFetching } = useWhereNow(userId, (r) => r.channels.map((c) => c.channelName));
 */
export function useWhereNow(userId: string): WhereNowQuery;
export function useWhereNow<T>(
  userId: string,
  selector: (result: WhereNowResult) => T,
  isEqual?: EqualityFn<WhereNowResult>,
): WhereNowQuery<T>;
export function useWhereNow<T>(
  userId: string,
  selector?: (result: WhereNowResult) => T,
  isEqual: EqualityFn<WhereNowResult> = sameChannels,
): WhereNowQuery<T | WhereNowResult> {
  const { presence, selfId } = usePresenceContext();
  const [settled, setSettled] = useState<Settled | null>(null);
  const [attempt, setAttempt] = useState(0);
  // What this room can tell us changed: our own join state, or whether they are here.
  const trigger = useRoomSelector((state) =>
    userId === selfId ? state.status : `${state.status}:${String(state.occupants.has(userId))}`,
  );
  const key = `${userId}\u0000${attempt}\u0000${trigger}`;

  // Read at settle time, so an inline `isEqual` does not refetch on every render.
  const settle = useLatestCallback(
    (settledKey: string, data: WhereNowResult | undefined, error: PresenceError | null) =>
      setSettled((prev) => {
        const kept = prev?.userId === userId ? prev.data : undefined;
        const same = data !== undefined && kept !== undefined && isEqual(kept, data);
        return { key: settledKey, userId, data: same || data === undefined ? kept : data, error };
      }),
  );
  useEffect(() => {
    if (presence === null) return undefined;
    let live = true;
    presence.whereNow(userId).then(
      (data) => live && settle(key, data, null),
      (error: PresenceError) => live && settle(key, undefined, error),
    );
    return () => {
      live = false;
    };
  }, [presence, userId, key, settle]);

  const current = settled?.userId === userId ? settled : null;
  const raw = current?.data;
  const data = useMemo(
    () => (raw === undefined || selector === undefined ? raw : selector(raw)),
    [raw, selector],
  );
  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error: current?.error ?? null, isFetching: settled?.key !== key, refetch };
}
