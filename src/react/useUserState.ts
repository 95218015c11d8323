import { useCallback, useMemo } from 'react';
import type { Occupant, UserState } from '../core/index.js';
import { equalWhenPresent } from './nullable.js';
import { usePresenceContext } from './PresenceContext.js';
import { useOccupantRecord } from './useOccupantRecord.js';
import type { EqualityFn } from './EqualityFn.js';
import { useUserStateActions, type UserStateActions } from './useUserStateActions.js';

const noState: Readonly<Partial<UserState>> = Object.freeze({});

/**
 * Agora-style temporary user state. Without a user id: our own state (`{}` until we have one) and
 * its setters, like `useState`. With a user id: that user's state, or `undefined` when they are not
 * in the room; only that user's changes re-render. Keys can be removed, so values are `Partial<S>`.
 *
 * @example
 * const [mine, { setState, removeState }] = useUserState<{ status: string; mood: string }>();
 * const theirStatus = useUserState(userId, (state) => state.status);
 */
export function useUserState<S extends UserState = UserState>(): [
  Readonly<Partial<S>>,
  UserStateActions<S>,
];
export function useUserState<S extends UserState = UserState, T = Readonly<Partial<S>>>(
  selector: (state: Readonly<Partial<S>>) => T,
  isEqual?: EqualityFn<T>,
): [T, UserStateActions<S>];
export function useUserState<S extends UserState = UserState>(
  userId: string,
): Readonly<Partial<S>> | undefined;
export function useUserState<S extends UserState = UserState, T = Readonly<Partial<S>>>(
  userId: string,
  selector: (state: Readonly<Partial<S>>) => T,
  isEqual?: EqualityFn<T>,
): T | undefined;
export function useUserState<S extends UserState, T>(
  first?: string | UserSelector<S, T>,
  second?: UserSelector<S, T> | EqualityFn<T>,
  third?: EqualityFn<T>,
): unknown {
  const userId = typeof first === 'string' ? first : null;
  const selector = (typeof first === 'string' ? second : first) as UserSelector<S, T> | undefined;
  const isEqual = (typeof first === 'string' ? third : second) as EqualityFn<T> | undefined;
  const { selfId } = usePresenceContext<S>();
  const own = userId === null;
  const select = useCallback(
    (occupant: Occupant<S> | undefined) => {
      const state = occupant?.state ?? (own ? (noState as Readonly<Partial<S>>) : undefined);
      return state === undefined || selector === undefined ? state : selector(state);
    },
    [own, selector],
  );
  const equal = useMemo(
    () => equalWhenPresent(isEqual as EqualityFn<T | Readonly<Partial<S>>> | undefined),
    [isEqual],
  );
  const value = useOccupantRecord(userId === selfId ? null : userId, select, equal);
  const actions = useUserStateActions<S>();
  return own ? [value, actions] : value;
}

type UserSelector<S extends UserState, T> = (state: Readonly<Partial<S>>) => T;
