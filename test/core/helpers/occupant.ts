import { EMPTY_STATE } from '../../../src/core/model/stateObject.js';
import type { Occupant } from '../../../src/core/types.js';

/** A bare occupant record (no connections, empty state), for table tests. */
export function occupant(userId: string, status: Occupant['status'] = 'online'): Occupant {
  return {
    userId,
    isSelf: false,
    status,
    state: EMPTY_STATE,
    statesCount: 0,
    connections: [],
    joinedAt: 0,
  };
}
