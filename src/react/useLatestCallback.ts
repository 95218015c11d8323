import { useCallback, useInsertionEffect, useRef } from 'react';

/**
 * Internal: a stable function that always calls the latest `handler`, for effects that must not
 * resubscribe when a handler or a prop they read changes. React 19.2's `useEffectEvent` does this,
 * but the kit supports React 18.2+. The ref is updated in an insertion effect, which runs before
 * every layout and passive effect of the commit (and does nothing, silently, on the server), so an
 * effect never calls a stale handler. Like `useEffectEvent`, call it from effects and callbacks,
 * not during render.
 */
export function useLatestCallback<A extends unknown[], R>(
  handler: (...args: A) => R,
): (...args: A) => R {
  const latest = useRef(handler);
  useInsertionEffect(() => {
    latest.current = handler;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
