import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { ModelRegistry } from './ModelRegistry.js';

const noModel = (): null => null;

/**
 * Internal: the model `models` holds for `room` under `id`, or `null` until one exists (on the
 * server, and on the first render before any holder's effect ran). While mounted, the caller
 * holds it, making it with `create` on first use; `create` is `null` while the model cannot be
 * made yet (no room, no presence). Pass a memoised `create`: a new one re-runs the effect.
 */
export function useSharedModel<M extends { destroy(): void }>(
  models: ModelRegistry<M>,
  room: object | null,
  id: string,
  create: (() => M) | null,
): M | null {
  // A stable reader: a new one each render would make React queue a passive effect per render
  // of every component that calls this.
  const read = useCallback(() => models.peek(room, id), [models, room, id]);
  const model = useSyncExternalStore(models.subscribe, read, noModel);
  useEffect(() => {
    if (room === null || create === null) return undefined;
    return models.acquire(room, id, create);
  }, [models, room, id, create]);
  return model;
}
