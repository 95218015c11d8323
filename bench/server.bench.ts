/**
 * `npm run bench:server`: the local Realtime server under load on loopback TCP.
 *
 * 1. Broadcast fan-out (support/fanout.ts): N bare vsn 2.0.0 receivers in one room, spread over
 *    client processes; one sender. Peak deliveries/s with a window in flight, then latency at a
 *    paced rate below saturation. Side by side with a bare `ws` relay (the peer: fan-out with no
 *    protocol), same clients, same run.
 * 2. Presence join storm (support/storm.ts): N receivers connect, then all join and track at
 *    once; time until every receiver has seen all N, and when the server sent its last presence
 *    frame. Twice: light raw-`ws` receivers (what the server does) and real realtime-js clients
 *    (what an app sees, with realtime-js' own digest of N × N joins).
 * Servers and clients run in separate processes. Knobs: BENCH_SIZES=50,200,1000,
 * BENCH_PACED_RATE (deliveries/s, default 50000), BENCH_RECEIVER_PROCS (default 1),
 * BENCH_STORM_PROCS (default 2), BENCH_REPEAT (fan-out repetitions, kit and relay alternating;
 * medians are printed, every run is in the JSON), BENCH_PROFILE=<dir> (CPU profiles of children).
 */
import { loadavg } from 'node:os';
import { fanout, listenForCompletions, medianFanout, type FanoutResult } from './support/fanout.js';
import { settle, spawnServer } from './support/serverProcess.js';
import { spawnShards } from './support/shards.js';
import { printTables, type BenchRow } from './support/report.js';
import { readMachine, writeResult } from './support/result.js';
import { serverRows } from './support/serverRows.js';
import { sizesFromEnv } from './support/stats.js';
import { joinStorm } from './support/storm.js';

interface KitInfo {
  url: string;
  anonKey: string;
}

const intEnv = (name: string, fallback: number) => Number(process.env[name] ?? '') || fallback;
const PACED_RATE = intEnv('BENCH_PACED_RATE', 50_000);
const RECEIVER_PROCS = intEnv('BENCH_RECEIVER_PROCS', 1);
const STORM_PROCS = intEnv('BENCH_STORM_PROCS', 2);
const REPEAT = intEnv('BENCH_REPEAT', 3);
const wsUrl = (info: KitInfo) =>
  `${info.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${info.anonKey}&vsn=2.0.0`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const sizes = sizesFromEnv([50, 200, 1000]);
  const machine = readMachine();
  const started = performance.now();
  const kit = await spawnServer<KitInfo>('kit');
  const relay = await spawnServer<{ url: string }>('relay');
  const receivers = spawnShards('fanoutShard.ts', RECEIVER_PROCS);
  listenForCompletions(receivers);
  const rows: Array<BenchRow & { kitRuns: FanoutResult[]; relayRuns: FanoutResult[] }> = [];
  try {
    for (const n of sizes) {
      const kitRuns: FanoutResult[] = [];
      const relayRuns: FanoutResult[] = [];
      for (let rep = 0; rep < REPEAT; rep++) {
        kitRuns.push(await fanout(kit, wsUrl(kit.info), n, receivers, PACED_RATE));
        await settle(kit);
        relayRuns.push(await fanout(relay, relay.info.url, n, receivers, PACED_RATE));
      }
      const rawStorm = await joinStorm(kit, n, STORM_PROCS, 'raw ws');
      await settle(kit);
      const storm = await joinStorm(kit, n, STORM_PROCS, 'realtime-js');
      await settle(kit);
      rows.push({
        kit: medianFanout(kitRuns),
        relay: medianFanout(relayRuns),
        storm,
        rawStorm,
        kitRuns,
        relayRuns,
      });
    }
  } finally {
    await Promise.all([kit.stop(), relay.stop(), ...receivers.map((r) => r.stop())]);
  }
  const setup = {
    pacedRate: PACED_RATE,
    receiverProcs: RECEIVER_PROCS,
    stormProcs: STORM_PROCS,
    repeat: REPEAT,
  };
  printTables(rows, setup);
  console.log(
    `machine: ${String(machine.cores)} cores, load average before ${machine.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${load()}`,
  );
  const path = writeResult({
    suite: 'server',
    machine,
    elapsedS: (performance.now() - started) / 1000,
    summary: `Server in its own process on loopback TCP. Fan-out: N bare vsn 2.0.0 receivers in one room against a bare ws relay, medians of ${String(REPEAT)} runs; paced at ${String(PACED_RATE)} deliveries/s. Join storm: N receivers in ${String(STORM_PROCS)} processes join and track at once; "server done" is the server's last presence frame (polled every 5 ms).`,
    rows: serverRows(rows),
    detail: { ...setup, rows },
  });
  console.log(`JSON: ${path}`);
}

await main();
