/**
 * Broadcast fan-out against one server: N receivers (spread over shard processes) in one room, one
 * sender in this process. Two phases on the same sockets:
 * - saturated: a window of messages in flight, as fast as the round trip allows: peak deliveries/s
 *   (its latency is mostly queueing, window × N deliveries deep, so it is reported but not judged);
 * - paced: a fixed offered rate below saturation: the latency users feel at that load.
 * Server CPU time per delivery (from the server process itself) says whether the server or the
 * clients were the bottleneck: a server busy well under 100% of a core was not.
 */
import { connectWire, encodeKind3, type WireClient } from './wire.js';
import type { ServerProcess } from './serverProcess.js';
import { nowMs, split, type Shard, type ShardMessage } from './shards.js';
import { median, percentile } from './stats.js';

const TOPIC = 'realtime:bench-room';

export interface PhaseResult {
  messages: number;
  deliveries: number;
  lost: number;
  seconds: number;
  deliveriesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Server CPU (user + system) per delivery, µs. */
  serverCpuUsPerDelivery: number;
  /** Server CPU time / wall time: 1 means the server used a whole core. */
  serverBusy: number;
}

export interface FanoutResult {
  clients: number;
  saturated: PhaseResult;
  paced: PhaseResult & { offeredPerSec: number };
}

interface Plan {
  messages: number;
  window?: number;
  ratePerSec?: number;
  limitMs: number;
}

/** Routes shard `completed` reports to the running phase (one listener per shard, set once). */
let onCompleted: (ids: number[]) => void = () => {};
export function listenForCompletions(shards: Shard[]): void {
  for (const shard of shards) shard.on('completed', (m) => onCompleted(m['ids'] as number[]));
}

const cpuMs = (cpu?: { user: number; system: number }) =>
  cpu ? (cpu.user + cpu.system) / 1000 : 0;

async function phase(
  server: ServerProcess<unknown>,
  sender: WireClient,
  shards: Shard[],
  clients: number,
  plan: Plan,
): Promise<PhaseResult> {
  const { messages } = plan;
  await Promise.all(shards.map((s) => (s.send({ type: 'phase', messages }), s.next('phased'))));
  const shardReports = new Uint8Array(messages);
  let sent = 0;
  let completed = 0;
  const cpuBefore = cpuMs((await server.stats()).cpu);
  const started = nowMs();
  const deadline = started + plan.limitMs;
  const sendOne = () => {
    sender.send(
      encodeKind3(sender.joinRef, String(sent + 2), TOPIC, 'tick', { i: sent, t: nowMs() }),
    );
    sent++;
  };
  await new Promise<void>((resolve) => {
    const finish = () => (completed === messages || nowMs() > deadline) && resolve();
    const pump = () => {
      if (plan.window !== undefined)
        while (sent < messages && sent - completed < plan.window) sendOne();
      finish();
    };
    onCompleted = (ids) => {
      for (const id of ids) if (++shardReports[id]! === shards.length) completed++;
      pump();
    };
    if (plan.ratePerSec !== undefined) {
      const interval = 1000 / plan.ratePerSec;
      const tick = () => {
        const due = Math.min(messages, Math.floor((nowMs() - started) / interval) + 1);
        while (sent < due) sendOne();
        if (sent < messages) setTimeout(tick, 1);
      };
      tick();
    }
    const guard = setInterval(finish, 100);
    guard.unref();
    pump();
  }).finally(() => (onCompleted = () => {}));
  const seconds = (nowMs() - started) / 1000;
  const cpu = cpuMs((await server.stats()).cpu) - cpuBefore;
  const reports = await Promise.all(
    shards.map(
      (s) => (
        s.send({ type: 'collect' }),
        s.next<ShardMessage & { deliveries: number; latencies: Float64Array }>('latencies')
      ),
    ),
  );
  const deliveries = reports.reduce((n, r) => n + r.deliveries, 0);
  const all = new Float64Array(reports.reduce((n, r) => n + r.latencies.length, 0));
  reports.reduce((at, r) => (all.set(r.latencies, at), at + r.latencies.length), 0);
  all.sort();
  return {
    messages,
    deliveries,
    lost: messages * clients - deliveries,
    seconds,
    deliveriesPerSec: deliveries / seconds,
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    maxMs: all[all.length - 1] ?? Number.NaN,
    serverCpuUsPerDelivery: (cpu * 1000) / Math.max(1, deliveries),
    serverBusy: cpu / 1000 / seconds,
  };
}

/**
 * Runs both phases with `clients` receivers on `url`. `pacedRate` is in deliveries per second
 * (messages per second × clients).
 */
export async function fanout(
  server: ServerProcess<unknown>,
  url: string,
  clients: number,
  shards: Shard[],
  pacedRate: number,
): Promise<FanoutResult> {
  const shares = split(clients, shards.length);
  await Promise.all(
    shards.map(
      (s, k) => (s.send({ type: 'connect', url, topic: TOPIC, count: shares[k] }), s.next('ready')),
    ),
  );
  const sender = await connectWire(url, TOPIC, () => {});
  try {
    const saturated = await phase(server, sender, shards, clients, {
      messages: Math.max(100, Math.ceil(150_000 / clients)),
      window: 8,
      limitMs: 30_000,
    });
    const ratePerSec = pacedRate / clients;
    const paced = await phase(server, sender, shards, clients, {
      messages: Math.max(50, Math.ceil(ratePerSec * 3)),
      ratePerSec,
      limitMs: 15_000,
    });
    return { clients, saturated, paced: { ...paced, offeredPerSec: pacedRate } };
  } finally {
    sender.close();
    await Promise.all(shards.map((s) => (s.send({ type: 'close' }), s.next('closed'))));
  }
}

/**
 * Field-by-field medians of repeated runs (kit and relay alternate between them, so a load spike
 * from elsewhere on the machine hits one repetition, not one server).
 */
export function medianFanout(runs: FanoutResult[]): FanoutResult {
  const phaseMedian = <P extends PhaseResult>(pick: (r: FanoutResult) => P): P => {
    const first = pick(runs[0]!);
    const out = { ...first };
    for (const key of Object.keys(first) as Array<keyof P>)
      out[key] = median(runs.map((r) => pick(r)[key] as number)) as P[keyof P];
    return out;
  };
  return {
    clients: runs[0]!.clients,
    saturated: phaseMedian((r) => r.saturated),
    paced: phaseMedian((r) => r.paced),
  };
}
