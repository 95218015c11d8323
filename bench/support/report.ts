/** The server bench's console tables. */
import type { FanoutResult } from './fanout.js';
import { fmt } from './stats.js';
import type { StormResult } from './storm.js';

export interface BenchRow {
  kit: FanoutResult;
  relay: FanoutResult;
  /** The storm with realtime-js clients. */
  storm: StormResult;
  /** The storm with light raw-`ws` receivers. */
  rawStorm: StormResult;
}

export interface BenchSetup {
  pacedRate: number;
  receiverProcs: number;
  stormProcs: number;
  repeat: number;
}

const pair = (a: number, b: number, digits = 2) => `${fmt(a, digits)}/${fmt(b, digits)}`;

function fanoutTable(rows: BenchRow[], setup: BenchSetup): void {
  console.log(
    `\nBroadcast fan-out, one room, loopback TCP; receivers in ${String(setup.receiverProcs)} process(es), sender in this one;`,
  );
  console.log(
    `medians of ${String(setup.repeat)} runs, kit and relay alternating (the machine is shared: tails are noisy).`,
  );
  console.log(
    'peak: a window of 8 messages in flight (its latency is queueing, so not judged here);',
  );
  console.log(
    `paced: ${String(setup.pacedRate)} deliveries/s offered; latency = receive − send, one monotonic clock.`,
  );
  console.log(
    'µs/deliv: server process CPU per delivery; busy: server CPU / wall (< 100%: the clients set the peak).',
  );
  console.log(
    'clients | kit peak/s | relay peak/s | kit/relay | peak µs/deliv kit/relay | paced µs/deliv kit/relay | kit busy | kit paced p50/p99/max ms | relay paced p50/p99 ms | lost',
  );
  for (const { kit: k, relay: r } of rows) {
    const [ks, rs, kp, rp] = [k.saturated, r.saturated, k.paced, r.paced];
    console.log(
      [
        k.clients,
        fmt(ks.deliveriesPerSec, 0),
        fmt(rs.deliveriesPerSec, 0),
        fmt(ks.deliveriesPerSec / rs.deliveriesPerSec),
        pair(ks.serverCpuUsPerDelivery, rs.serverCpuUsPerDelivery),
        pair(kp.serverCpuUsPerDelivery, rp.serverCpuUsPerDelivery),
        `${fmt(ks.serverBusy * 100, 0)}%`,
        `${fmt(kp.p50Ms)}/${fmt(kp.p99Ms)}/${fmt(kp.maxMs)}`,
        pair(rp.p50Ms, rp.p99Ms),
        String(ks.lost + kp.lost + rs.lost + rp.lost),
      ].join(' | '),
    );
  }
}

function stormTable(rows: BenchRow[], setup: BenchSetup): void {
  console.log(
    `\nPresence join storm: raw ws receivers, then real realtime-js clients, in ${String(setup.stormProcs)} processes, sockets open before the clock starts.`,
  );
  console.log(
    'server done: the server sent its last presence frame; clients CPU: the receivers digesting N × N joins.',
  );
  console.log(
    'receivers | clients | connect | converged | server done | all subscribed | server CPU s | clients CPU s (per client) | joins seen | presence_diff frames | statuses',
  );
  for (const s of rows.flatMap((r) => [r.rawStorm, r.storm])) {
    console.log(
      [
        s.receivers,
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
}

/** Prints both tables and the targets. */
export function printTables(rows: BenchRow[], setup: BenchSetup): void {
  fanoutTable(rows, setup);
  stormTable(rows, setup);
  console.log(
    '\ntargets: at 200 clients ≥ 50,000 deliveries/s with p99 ≤ 50 ms; 1,000-client join storm ≤ 5 s',
  );
}
