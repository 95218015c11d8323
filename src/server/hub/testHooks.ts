import type { HubContext } from './context.js';
import { closeConnection } from './handleFrame.js';
import { inspectHub, socketInfo } from './inspect.js';
import type { HubTestHooks } from './types.js';

/**
 * The hub's test hooks: taps, snapshots and simulated faults. They live apart from the production
 * interface so an app never calls them by accident; tests reach them as `hub.testing`.
 */
export function createTestHooks(ctx: HubContext): HubTestHooks {
  return {
    inspect: () => inspectHub(ctx),
    resetStats: () => ctx.stats.reset(),
    onFrame(tap) {
      ctx.taps.add(tap);
      return () => ctx.taps.delete(tap);
    },
    dropSocket(target, code = 1006) {
      const match =
        typeof target === 'string' ? (info: { id: string }) => info.id === target : target;
      const victims = [...ctx.connections.values()].filter((c) => match(socketInfo(c)));
      for (const conn of victims) closeConnection(ctx, conn, code, 'dropped');
      return victims.length;
    },
  };
}
