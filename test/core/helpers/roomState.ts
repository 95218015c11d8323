import { buildOccupant } from '../../../src/core/model/occupantRecords.js';
import { BatchedStore } from '../../../src/core/model/BatchedStore.js';
import { freezeState } from '../../../src/core/model/stateObject.js';
import type { PresenceConnection } from '../../../src/core/types.js';

/** A connection record with the given state. */
export function conn(
  connectionId: string,
  state: Record<string, string> = {},
  version = 1,
): PresenceConnection {
  return {
    connectionId,
    presenceRef: `ref-${connectionId}-${version}`,
    state: freezeState(Object.entries(state)),
    version,
    updatedAt: version,
    joinedAt: 0,
  };
}

/** A room model holding `ids` (each with state `{ n: id }`), committed. */
export function modelWith(ids: string[], selfId = 'self'): BatchedStore<Record<string, string>> {
  const model = new BatchedStore<Record<string, string>>('room', selfId);
  for (const id of ids)
    model.put(buildOccupant(id, id === selfId, 'online', [conn(`c-${id}`, { n: id })], undefined));
  model.commit();
  return model;
}

/** Adds or removes users in one committed batch. */
export function change(
  model: BatchedStore<Record<string, string>>,
  adds: string[],
  removes: string[] = [],
): void {
  for (const id of adds)
    model.put(buildOccupant(id, false, 'online', [conn(`c-${id}`, { n: id })], undefined));
  for (const id of removes) model.remove(id, 'leave');
  model.commit();
}
