import { selectOthers } from '../core/index.js';
import type { Occupant, OccupantTable, RoomState, UserState } from '../core/index.js';

// One array per occupant table: every `useOthers` in the app shares it, and it changes identity
// only when some occupant does (the engine keeps an unchanged table identical across updates).
const cache = new WeakMap<OccupantTable<UserState>, readonly Occupant<UserState>[]>();

/** The core's `selectOthers`, memoised on the occupant table. */
export function othersOf<S extends UserState>(state: RoomState<S>): readonly Occupant<S>[] {
  const table = state.occupants as OccupantTable<UserState>;
  let others = cache.get(table);
  if (others === undefined) {
    others = selectOthers(state as RoomState<UserState>);
    cache.set(table, others);
  }
  return others as readonly Occupant<S>[];
}
