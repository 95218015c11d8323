import { DEFAULT_JWT_SECRET } from './auth.js';
import { Connector } from './connector.js';
import type { HubContext } from './context.js';
import { closeConnection } from './handleFrame.js';
import { presenceStateOf } from './inspect.js';
import { AverageRate, resolveLimits } from './limits.js';
import { defaultAuthorize } from './permissions.js';
import { handleRest } from './rest.js';
import { StatsCounters } from './statsCounters.js';
import { createTestHooks } from './testHooks.js';
import { TokenVerifier } from './tokenVerifier.js';
import type { Hub, HubOptions } from './types.js';
import { IdleSweeper } from './idleSweeper.js';

function createContext(options: HubOptions): HubContext {
  let id = 0;
  const secret = options.jwtSecret ?? DEFAULT_JWT_SECRET;
  const limits = resolveLimits(options.limits);
  const now = options.now ?? Date.now;
  return {
    secret,
    limits,
    authorize: options.authorize ?? defaultAuthorize,
    log: options.log ?? (() => undefined),
    joinErrorDelayMs: options.joinErrorDelayMs ?? 0,
    presenceFlushMs: options.presenceFlushMs ?? 10,
    connections: new Map(),
    rooms: new Map(),
    stats: new StatsCounters(limits.maxStatsKeys),
    taps: new Set(options.onFrame ? [options.onFrame] : []),
    events: new AverageRate(now),
    presenceEvents: new AverageRate(now),
    verifier: new TokenVerifier(secret, now),
    now,
    nextId: () => ++id,
  };
}

/**
 * Creates the transport-free Realtime server core: channels, presence, broadcast, limits and auth,
 * speaking the protocol of docs/protocol.md to the frame. Hosts (Node `ws`, in-page loopback) feed it frames.
 * @example const hub = createHub({ limits: { clientPresenceMaxCalls: 10 } });
 */
export function createHub(options: HubOptions = {}): Hub {
  const ctx = createContext(options);
  const sweeper = new IdleSweeper(
    options.idleTimeoutMs ?? 60_000,
    () => ctx.connections.values(),
    (conn) => closeConnection(ctx, conn, 1000, 'idle timeout'),
    ctx.now,
  );
  const connector = new Connector(ctx, options.refusalDelayMs ?? 0, sweeper);
  return {
    connect: connector.connect,
    handleRest: (request) => handleRest(ctx, request),
    stats: () => ({
      ...ctx.stats.snapshot(),
      sockets: ctx.connections.size,
      channels: [...ctx.connections.values()].reduce((n, c) => n + c.channels.size, 0),
      eventsPerSecond: ctx.events.perSecond(),
      presenceEventsPerSecond: ctx.presenceEvents.perSecond(),
    }),
    presenceState: (name, opts) => presenceStateOf(ctx, name, opts?.private === true),
    socketIds: () => [...ctx.connections.keys()],
    close() {
      connector.closed = true;
      sweeper.stop();
      for (const conn of [...ctx.connections.values()])
        closeConnection(ctx, conn, 1001, 'server shutting down');
    },
    limits: ctx.limits,
    jwtSecret: ctx.secret,
    testing: createTestHooks(ctx),
  };
}
