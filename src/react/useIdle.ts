import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { createIdle, type IdleOptions, type IdleStatus } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';
import { useUserStateActions } from './useUserStateActions.js';

/**
 * Options of {@link useIdle}. A custom `activity` source must keep its identity across renders
 * (define it at module level or memoise it): a new one restarts the idle clock.
 */
export type UseIdleOptions = IdleOptions;

const serverSnapshot = (): IdleStatus => 'active';

/**
 * `'away'` after `awayAfterMs` without pointer, key or focus activity in this tab (a hidden tab
 * has none), else `'active'`. Going away sets our `status` state to `'away'`; activity puts the
 * previous value back. With several tabs or devices the user stays active if any of them is.
 * Mount it once per tab (the app's shell), not in every component.
 *
 * @example
 * const idle = useIdle({ awayAfterMs: 120_000 });
 */
export function useIdle(options: UseIdleOptions = {}): IdleStatus {
  const { store } = usePresenceContext();
  const { setState, removeState } = useUserStateActions();
  const { awayAfterMs, statusKey, awayValue, activity } = options;
  const model = useMemo(() => {
    const idleOptions: IdleOptions = {};
    if (awayAfterMs !== undefined) idleOptions.awayAfterMs = awayAfterMs;
    if (statusKey !== undefined) idleOptions.statusKey = statusKey;
    if (awayValue !== undefined) idleOptions.awayValue = awayValue;
    if (activity !== undefined) idleOptions.activity = activity;
    return createIdle({ store, setState, removeState: (o) => removeState(o) }, idleOptions);
  }, [store, setState, removeState, awayAfterMs, statusKey, awayValue, activity]);
  useEffect(() => model.start(), [model]);
  return useSyncExternalStore(model.subscribe, model.getSnapshot, serverSnapshot);
}
