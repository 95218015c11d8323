/** The server bench's figures as result rows (bench/support/result.ts), kit against its peers. */
import type { BenchRow as ServerRun } from './report.js';
import type { BenchRow } from './result.js';

const RELAY = 'bare ws relay (fan-out with no protocol)';
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

function fanoutRows(r: ServerRun): BenchRow[] {
  const n = r.kit.clients;
  const at = `${String(n)} clients`;
  const group = 'broadcast fan-out';
  const gate = n === 200;
  return [
    {
      group,
      name: `peak deliveries/s, ${at}`,
      value: Math.round(r.kit.saturated.deliveriesPerSec),
      unit: 'deliveries/s',
      peer: RELAY,
      peerValue: Math.round(r.relay.saturated.deliveriesPerSec),
      ...(gate && { target: 50_000, targetSense: '>=' as const }),
    },
    {
      group,
      name: `paced p99 latency, ${at}`,
      value: round(r.kit.paced.p99Ms),
      unit: 'ms',
      peer: RELAY,
      peerValue: round(r.relay.paced.p99Ms),
      ...(gate && { target: 50 }),
      note: `p50 ${round(r.kit.paced.p50Ms)} ms (relay ${round(r.relay.paced.p50Ms)} ms)`,
    },
    {
      group,
      name: `server CPU per delivery at peak, ${at}`,
      value: round(r.kit.saturated.serverCpuUsPerDelivery),
      unit: 'µs',
      peer: RELAY,
      peerValue: round(r.relay.saturated.serverCpuUsPerDelivery),
    },
  ];
}

function stormRows(r: ServerRun): BenchRow[] {
  const n = r.storm.clients;
  const at = `${String(n)} clients`;
  const group = 'presence join storm';
  const gate = n === 1000;
  const done = (s: ServerRun['storm']) => round(s.serverDoneS);
  const converged = (s: ServerRun['storm']) => round(s.convergedS);
  return [
    {
      group,
      name: `server done (its last presence frame), raw ws receivers, ${at}`,
      value: done(r.rawStorm),
      unit: 's',
      peer: 'the same with realtime-js receivers',
      peerValue: done(r.storm),
      note: `server CPU ${round(r.rawStorm.serverCpuS)} s (with realtime-js: ${round(r.storm.serverCpuS)} s)`,
    },
    {
      group,
      name: `every receiver saw all N, raw ws receivers, ${at}`,
      value: converged(r.rawStorm),
      unit: 's',
      peer: 'realtime-js clients',
      peerValue: converged(r.storm),
      ...(gate && { target: 5 }),
      note: `receivers' CPU ${round(r.rawStorm.clientCpuS)} s (realtime-js: ${round(r.storm.clientCpuS)} s)`,
    },
    {
      group,
      name: `every realtime-js client saw all N, ${at}`,
      value: converged(r.storm),
      unit: 's',
      ...(gate && { target: 5 }),
      note: 'what an app sees: realtime-js digests N × N joins (phoenix clones every state)',
    },
  ];
}

/** Rows for every size: fan-out, then the storm. */
export function serverRows(runs: ServerRun[]): BenchRow[] {
  return [...runs.flatMap(fanoutRows), ...runs.flatMap(stormRows)];
}
