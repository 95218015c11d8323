import { useCallback, useMemo } from 'react';
import type { Occupant, UserState } from '../core/index.js';
import { equalWhenPresent, selectPresent } from './nullable.js';
import { useOccupantRecord } from './useOccupantRecord.js';
import type { EqualityFn } from './EqualityFn.js';

/**
 * One user's occupant record (connections, merged state, `online`/`stale`/`leaving`), or
 * `undefined` when they are not in the room. Subscribes to that user only: other users' changes
 * never re-render this component. The selector runs only on a present record.
 *
 * @example
 * function Row({ userId }: { userId: string }) {
 *   const status = useOccupant(userId, (o) => o.state.status);
 *   return <li>{userId}: {status}</li>;
 * }
 */
export function useOccupant<S extends UserState = UserState>(
  userId: string,
): Occupant<S> | undefined;
export function useOccupant<S extends UserState = UserState, T = Occupant<S>>(
  userId: string,
  selector: (occupant: Occupant<S>) => T,
  isEqual?: EqualityFn<T>,
): T | undefined;
export function useOccupant<S extends UserState, T>(
  userId: string,
  selector?: (occupant: Occupant<S>) => T,
  isEqual?: EqualityFn<T>,
): T | Occupant<S> | undefined {
  const select = useCallback(
    (occupant: Occupant<S> | undefined) => selectPresent(occupant, selector, undefined),
    [selector],
  );
  const equal = useMemo(() => equalWhenPresent(isEqual), [isEqual]);
  return useOccupantRecord(userId, select, equal as EqualityFn<T | Occupant<S> | undefined>);
}
