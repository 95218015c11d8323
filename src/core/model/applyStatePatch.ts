import type { StateLimits } from '../facade/limits.js';
import { PresenceError } from '../facade/PresenceError.js';
import type { FrozenState } from './stateObject.js';
import { freezeState } from './stateObject.js';
import type { UserState } from '../types.js';
import { checkState, mergedKeyCount } from './validateState.js';

/**
 * Agora `setState` on a local state: validates `patch` (string values, key rules, sizes) and the
 * merged key count, then returns the merged frozen state. Throws `PresenceError` with Agora's code.
 */
export function applyStatePatch<S extends UserState>(
  base: FrozenState<S>,
  patch: unknown,
  limits: StateLimits,
  operation: string,
): FrozenState<S> {
  const checked = checkState(patch, limits);
  if (!checked.ok) throw new PresenceError(checked.problem.code, operation, checked.problem.reason);
  const keys = checked.pairs.map(([key]) => key);
  if (mergedKeyCount(base, keys) > limits.maxKeys) {
    throw new PresenceError(
      'STATE_COUNT_OVERFLOW',
      operation,
      `state would have more than ${limits.maxKeys} keys`,
    );
  }
  return freezeState<S>([...Object.entries(base), ...checked.pairs]);
}
