import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

/** Compares two selections; `true` keeps the previous one and skips the re-render. */
export type EqualityFn<T> = (a: T, b: T) => boolean;

interface Committed<T> {
  hasValue: boolean;
  value: T | undefined;
}

/**
 * React's `useSyncExternalStoreWithSelector` (the `use-sync-external-store/with-selector` shim),
 * kept here so the kit has no extra runtime dependency. The selection is memoised on the snapshot's
 * identity, and an `isEqual` hit returns the previous selection, so a selector that builds a new
 * array does not loop and does not re-render while its output is equal.
 */
export function useSyncExternalStoreWithSelector<Snapshot, Selection>(
  subscribe: (onChange: () => void) => () => void,
  getSnapshot: () => Snapshot,
  getServerSnapshot: () => Snapshot,
  selector: (snapshot: Snapshot) => Selection,
  isEqual?: EqualityFn<Selection>,
): Selection {
  // The last committed selection, so a new inline selector can still return the old identity.
  const committed = useRef<Committed<Selection>>({ hasValue: false, value: undefined });

  const [getSelection, getServerSelection] = useMemo(() => {
    // Read lazily inside getSnapshot, exactly as React's own with-selector shim does.
    // eslint-disable-next-line react-hooks/refs -- the ref holds the last *committed* selection
    const memoised = memoiseSelector(selector, isEqual, committed);
    return [() => memoised(getSnapshot()), () => memoised(getServerSnapshot())] as const;
  }, [getSnapshot, getServerSnapshot, selector, isEqual]);

  const value = useSyncExternalStore(subscribe, getSelection, getServerSelection);
  useEffect(() => {
    committed.current.hasValue = true;
    committed.current.value = value;
  }, [value]);
  return value;
}

function memoiseSelector<Snapshot, Selection>(
  selector: (snapshot: Snapshot) => Selection,
  isEqual: EqualityFn<Selection> | undefined,
  committed: { readonly current: Committed<Selection> },
): (snapshot: Snapshot) => Selection {
  let hasMemo = false;
  let lastSnapshot: Snapshot;
  let lastSelection: Selection;
  return (snapshot) => {
    if (hasMemo && Object.is(lastSnapshot, snapshot)) return lastSelection;
    const next = selector(snapshot);
    const previous = hasMemo ? { hasValue: true, value: lastSelection } : committed.current;
    lastSnapshot = snapshot;
    hasMemo = true;
    if (isEqual !== undefined && previous.hasValue && isEqual(previous.value as Selection, next)) {
      lastSelection = previous.value as Selection;
    } else {
      lastSelection = next;
    }
    return lastSelection;
  };
}
