import { domActivity } from './domActivity.js';
import { IdleTracker } from './IdleTracker.js';
import { IDLE_DEFAULTS, type IdleModel, type IdleOptions, type IdleTarget } from './idleTypes.js';

/**
 * Away detection, without React. After `awayAfterMs` without activity it sets our `status` state
 * to `'away'` (marking it in `idle`) and puts the previous value back on activity. With
 * several tabs or devices the user is active if any of them is: an active tab that sees an
 * idleness `away` appear restores the status at once. Creating the model has no side effect;
 * `start()` begins watching.
 *
 * @example
 * const idle = createIdle({
 *   store: room.store,
 *   setState: (patch) => presence.setState('lobby', patch),
 *   removeState: (options) => presence.removeState('lobby', options),
 * });
 * const stop = idle.start();
 */
export function createIdle(target: IdleTarget, options: IdleOptions = {}): IdleModel {
  const awayAfterMs = options.awayAfterMs ?? IDLE_DEFAULTS.awayAfterMs;
  if (!(awayAfterMs > 0 && Number.isFinite(awayAfterMs)))
    throw new RangeError(`createIdle: awayAfterMs must be a positive number, got ${awayAfterMs}`);
  const tracker = new IdleTracker(target, {
    awayAfterMs,
    key: options.statusKey ?? IDLE_DEFAULTS.statusKey,
    away: options.awayValue ?? IDLE_DEFAULTS.awayValue,
    source: options.activity ?? domActivity,
  });
  return {
    getSnapshot: () => tracker.snapshot,
    subscribe: tracker.subscribers.subscribe,
    start: () => tracker.start(),
    activity: () => tracker.activity(),
  };
}
