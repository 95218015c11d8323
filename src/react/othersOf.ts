import { selectOthers } from '../core/index.js';
import type { Occupant, OccupantTable, RoomState, UserState } from '../core/index.js';

type Others = readonly Occupant<UserState>[];

// One array per occupant table: every `useOthers` in the app shares it.
const byTable = new WeakMap<OccupantTable<UserState>, Others>();
// The last array built for a membership (`userIds` is a new array only when someone joins or
// leaves). A new table with the same membership may differ only in our own record: then the
// others are the very same records and the previous array is kept, so our own `setState` does not
// re-render a `useOthers()` list.
const byMembership = new WeakMap<readonly string[], Others>();

function sameRecords(previous: Others, table: OccupantTable<UserState>): boolean {
  for (const occupant of previous) if (table.get(occupant.userId) !== occupant) return false;
  return true;
}

/**
 * The core's `selectOthers`, memoised on the occupant table, keeping its identity until one of the
 * others changes. A new table costs one lookup per other occupant (what `selectOthers` costs too).
 */
export function othersOf<S extends UserState>(state: RoomState<S>): readonly Occupant<S>[] {
  const table = state.occupants as OccupantTable<UserState>;
  let others = byTable.get(table);
  if (others === undefined) {
    const previous = byMembership.get(state.userIds);
    others =
      previous !== undefined && sameRecords(previous, table)
        ? previous
        : selectOthers(state as RoomState<UserState>);
    byTable.set(table, others);
    byMembership.set(state.userIds, others);
  }
  return others as readonly Occupant<S>[];
}
