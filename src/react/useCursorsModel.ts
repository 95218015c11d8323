import { useMemo } from 'react';
import { createCursors } from '../core/index.js';
import type { CursorOptions, CursorsModel, Occupant, Room, UserState } from '../core/index.js';
import { ModelRegistry } from './ModelRegistry.js';
import { useRoom } from './useRoom.js';
import { useSharedModel } from './useSharedModel.js';

// One model per room and options: one listener, and one sender (two senders in one tab would
// each spend the room's budget).
const models = new ModelRegistry<CursorsModel<Occupant<UserState>>>();

/**
 * Internal: the provider room's shared cursor model for these options, or `null` until the room
 * exists (on the server, before the provider's effect). Every caller holds it while mounted.
 */
export function useCursorsModel<S extends UserState>(
  options: CursorOptions = {},
): CursorsModel<Occupant<S>> | null {
  const room = useRoom<S>() as Room<UserState> | null;
  const { messagesPerSecond, minIntervalMs } = options;
  const id = `${messagesPerSecond} ${minIntervalMs}`;
  const create = useMemo(
    () => (room === null ? null : () => createCursors(room, { messagesPerSecond, minIntervalMs })),
    [room, messagesPerSecond, minIntervalMs],
  );
  const model = useSharedModel(models, room, id, create);
  return model as CursorsModel<Occupant<S>> | null;
}
