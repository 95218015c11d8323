/**
 * `npm run bench:server`: the local Realtime server under load on loopback TCP.
 *
 * 1. Broadcast fan-out (support/fanout.ts): N bare vsn 2.0.0 receivers in one room, spread over
 *    client processes; one sender. Peak deliveries/s with a window in flight, then latency at a
 *    paced rate below saturation. Side by side with a bare `ws` relay (the peer: fan-out with no
 *    protocol), same clients, same run.
 * 2. Presence join storm (support/storm.ts): N real realtime-js clients connect, then all join and
 *    track at once; time until every client has seen all N.
 * Servers and clients run in separate processes. Knobs: BENCH_SIZES=50,200,1000,
 * BENCH_PACED_RATE (deliveries/s, default 50000), BENCH_RECEIVER_PROCS (default 1),
 * BENCH_STORM_PROCS (default 2), BENCH_PROFILE=<dir> (CPU profiles of every child).
 */
import { cpus, loadavg } from 'node:os';
import { fanout, listenForCompletions, type FanoutResult } from './support/fanout.js';
import { settle, spawnServer } from './support/serverProcess.js';
import { spawnShards } from './support/shards.js';
import { fmt, sizesFromEnv, writeResults } from './support/stats.js';
import { joinStorm, type StormResult } from './support/storm.js';

interface KitInfo {
  url: string;
  anonKey: string;
}

const intEnv = (name: string, fallback: number) => Number(process.env[name] ?? '') || fallback;
const PACED_RATE = intEnv('BENCH_PACED_RATE', 50_000);
const RECEIVER_PROCS = intEnv('BENCH_RECEIVER_PROCS', 1);
const STORM_PROCS = intEnv('BENCH_STORM_PROCS', 2);
const wsUrl = (info: KitInfo) =>
  `${info.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${info.anonKey}&vsn=2.0.0`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function printTables(
  rows: Array<{ kit: FanoutResult; relay: FanoutResult; storm: StormResult }>,
): void {
  console.log(
    `\nBroadcast fan-out, one room, loopback TCP (${String(RECEIVER_PROCS)} receiver process(es))`,
  );
  console.log(
    'peak = window of 8 messages in flight (latency there is queueing: 8 × N deliveries deep);',
  );
  console.log(
    `paced = ${String(PACED_RATE)} deliveries/s offered, latency = receive − send on one monotonic clock;`,
  );
  console.log(
    'busy = server CPU / wall: well under 100% means the clients, not the server, set the peak.',
  );
  console.log(
    'clients | kit peak/s | relay peak/s | kit/relay | kit µs/deliv | relay µs/deliv | kit busy | kit paced p50/p99/max ms | relay paced p99 ms | lost',
  );
  for (const { kit: k, relay: r } of rows) {
    console.log(
      [
        k.clients,
        fmt(k.saturated.deliveriesPerSec, 0),
        fmt(r.saturated.deliveriesPerSec, 0),
        fmt(k.saturated.deliveriesPerSec / r.saturated.deliveriesPerSec),
        fmt(k.saturated.serverCpuUsPerDelivery),
        fmt(r.saturated.serverCpuUsPerDelivery),
        `${fmt(k.saturated.serverBusy * 100, 0)}%`,
        `${fmt(k.paced.p50Ms)}/${fmt(k.paced.p99Ms)}/${fmt(k.paced.maxMs)}`,
        fmt(r.paced.p99Ms),
        String(k.saturated.lost + k.paced.lost),
      ].join(' | '),
    );
  }
  console.log(
    `\nPresence join storm (realtime-js clients over ${String(STORM_PROCS)} processes, sockets connected before the clock starts)`,
  );
  console.log(
    'server done = the server sent its last presence frame; clients CPU = realtime-js digesting N × N joins.',
  );
  console.log(
    'clients | connect | converged | server done | all subscribed | server CPU s | clients CPU s (per client) | joins seen | presence_diff frames | statuses',
  );
  for (const { storm: s } of rows) {
    console.log(
      [
        s.clients,
        `${fmt(s.connectS)} s`,
        Number.isFinite(s.convergedS) ? `${fmt(s.convergedS)} s` : 'not within 60 s',
        `${fmt(s.serverDoneS)} s`,
        `${fmt(s.subscribedS)} s`,
        fmt(s.serverCpuS),
        `${fmt(s.clientCpuS)} (${fmt((s.clientCpuS * 1000) / s.clients)} ms)`,
        s.joinsSeen,
        s.framesOut['presence_diff'] ?? 0,
        JSON.stringify(s.statuses),
      ].join(' | '),
    );
  }
  console.log(
    'targets: at 200 clients ≥ 50,000 deliveries/s with p99 ≤ 50 ms; 1,000-client join storm ≤ 5 s',
  );
}

async function main(): Promise<void> {
  const sizes = sizesFromEnv([50, 200, 1000]);
  const machine = { cpus: cpus().length, loadBefore: load() };
  const kit = await spawnServer<KitInfo>('kit');
  const relay = await spawnServer<{ url: string }>('relay');
  const receivers = spawnShards('fanoutShard.ts', RECEIVER_PROCS);
  listenForCompletions(receivers);
  const rows: Array<{ kit: FanoutResult; relay: FanoutResult; storm: StormResult }> = [];
  try {
    for (const n of sizes) {
      const kitResult = await fanout(kit, wsUrl(kit.info), n, receivers, PACED_RATE);
      await settle(kit);
      const relayResult = await fanout(relay, relay.info.url, n, receivers, PACED_RATE);
      const storm = await joinStorm(kit, n, STORM_PROCS);
      await settle(kit);
      rows.push({ kit: kitResult, relay: relayResult, storm });
    }
  } finally {
    await Promise.all([kit.stop(), relay.stop(), ...receivers.map((r) => r.stop())]);
  }
  printTables(rows);
  console.log(
    `machine: ${String(machine.cpus)} cores, load average before ${machine.loadBefore}, after ${load()}`,
  );
  console.log(
    `JSON: ${writeResults('server', { machine: { ...machine, loadAfter: load() }, pacedRate: PACED_RATE, receiverProcs: RECEIVER_PROCS, stormProcs: STORM_PROCS, rows })}`,
  );
}

await main();
