import { IDLE_DEFAULTS, type Occupant } from '../core/index.js';

/** The status dot of a user: `away` when their status state says so, `stale` when unsure. */
export type DotStatus = 'online' | 'away' | 'stale';

/** Internal: a user's dot, from presence (`stale`) and the `status` state `useIdle` writes. */
export function dotStatusOf(occupant: Occupant): DotStatus {
  if (occupant.status === 'stale') return 'stale';
  return occupant.state[IDLE_DEFAULTS.statusKey] === IDLE_DEFAULTS.awayValue ? 'away' : 'online';
}

/** Internal: joins class names, skipping the empty ones. */
export function cx(...names: (string | undefined | false)[]): string {
  return names.filter(Boolean).join(' ');
}
