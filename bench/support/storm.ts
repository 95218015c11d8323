/**
 * Presence join storm: N real realtime-js clients (spread over shard processes, one TCP socket
 * each) connect first; the clock starts when all of them are told to subscribe and track at once,
 * and stops when every client has seen all N keys. Also reported: when the server sent its last
 * presence frame, and the CPU the server and the clients spent, to show where the time goes.
 */
import type { ServerProcess, ServerStats } from './serverProcess.js';
import type { StormConverged } from './runStormShard.js';
import { nowMs, spawnShards, split } from './shards.js';

/** Who receives the storm: real realtime-js clients, or light raw-`ws` receivers. */
export type StormReceivers = 'realtime-js' | 'raw ws';

export interface StormResult {
  clients: number;
  receivers: StormReceivers;
  /** Seconds to open all N sockets (before the clock starts). */
  connectS: number;
  /** Seconds from `go` until every client saw all N; Infinity if not within the limit. */
  convergedS: number;
  /** Seconds from `go` until the server's last presence frame. */
  serverDoneS: number;
  /** Seconds from `go` until the last client's SUBSCRIBED. */
  subscribedS: number;
  serverCpuS: number;
  clientCpuS: number;
  /** Presence join events the clients saw: N × N when every client saw every key once. */
  joinsSeen: number;
  shards: number;
  framesOut: Record<string, number>;
  statuses: Record<string, number>;
}

const cpuS = (cpu?: { user: number; system: number }) => (cpu ? (cpu.user + cpu.system) / 1e6 : 0);

function delta(
  after: Record<string, number> = {},
  before: Record<string, number> = {},
): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
}

/** Runs one storm of `clients` receivers against the kit server, in `procs` client processes. */
export async function joinStorm(
  server: ServerProcess<{ url: string; anonKey: string }>,
  clients: number,
  procs: number,
  receivers: StormReceivers = 'realtime-js',
  limitMs = 60_000,
): Promise<StormResult> {
  const script = receivers === 'raw ws' ? 'rawStormShard.ts' : 'stormShard.ts';
  const shards = spawnShards(script, Math.max(1, Math.min(procs, clients)));
  try {
    const shares = split(clients, shards.length);
    let from = 0;
    const connecting = nowMs();
    await Promise.all(
      shards.map((s, k) => {
        s.send({ type: 'connect', ...server.info, from, count: shares[k], total: clients });
        from += shares[k] ?? 0;
        return s.next('ready');
      }),
    );
    const connectS = (nowMs() - connecting) / 1000;
    const before: ServerStats = await server.stats();
    const started = nowMs();
    for (const s of shards) s.send({ type: 'go' });
    const done = await Promise.all(
      shards.map((s) => s.next<StormConverged>('converged', limitMs)),
    ).catch(() => null);
    const after = await server.stats();
    // Statuses are the server's words: a null-prototype object, so `__proto__` is just a key.
    const statuses = Object.create(null) as Record<string, number>;
    for (const d of done ?? [])
      for (const [k, v] of Object.entries(d.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
    return {
      clients,
      receivers,
      connectS,
      convergedS: done
        ? (Math.max(...done.map((d) => d.at)) - started) / 1000
        : Number.POSITIVE_INFINITY,
      serverDoneS: ((after.lastPresenceAt ?? started) - started) / 1000,
      subscribedS: done ? Math.max(...done.map((d) => d.lastSubscribedMs)) / 1000 : Number.NaN,
      serverCpuS: cpuS(after.cpu) - cpuS(before.cpu),
      clientCpuS: (done ?? []).reduce((n, d) => n + cpuS(d.cpu), 0),
      joinsSeen: (done ?? []).reduce((n, d) => n + d.joinsSeen, 0),
      shards: shards.length,
      framesOut: delta(after.framesOut, before.framesOut),
      statuses,
    };
  } finally {
    await Promise.all(shards.map((s) => s.stop()));
  }
}
