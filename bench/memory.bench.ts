/**
 * `npm run bench:memory`: (1) heap per 1,000 occupants in a room at 1,000 and 10,000 occupants,
 * the kit against a bare supabase-js channel and the docs pattern (memory/storeHeap.ts);
 * (2) 1,000 PresenceProvider mount/unmount cycles in jsdom give back ≥ 90 % of the heap they
 * took (memory/providerCycles.ts). Heap figures are V8's used heap after full collections.
 * Knobs: BENCH_SIZES (default 1000,10000), MEMORY_CYCLES (default 1000).
 * Results: bench/results/memory.json.
 */
import { fileURLToPath } from 'node:url';
import type { ProviderCycles } from './memory/providerCycles.js';
import type { StoreHeap, Subject } from './memory/storeHeap.js';
import { readMachine, writeResult, type BenchRow } from './support/result.js';
import { runForResult } from './support/runForResult.js';
import { sizesFromEnv } from './support/stats.js';

const perK = (bytes: number, n: number) => Math.round((bytes / n) * 1000);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

const CHILD = fileURLToPath(new URL('./memory/child.ts', import.meta.url));

/** One measurement in a fresh `node --expose-gc` process (memory/child.ts). */
const runChild = <T>(args: string[]) =>
  runForResult<T>(CHILD, {
    args,
    nodeFlags: ['--expose-gc'],
    label: `memory child ${args.join(' ')}`,
  });

function storeRows(h: StoreHeap): BenchRow[] {
  const group = 'heap per 1,000 occupants';
  const at = `at ${h.n.toLocaleString('en')}`;
  return [
    {
      group,
      name: `kit room (store + the supabase-js channel under it) ${at}`,
      value: perK(h.kit, h.n),
      unit: 'B',
      peer: 'docs pattern (channel + presenceState() copy)',
      peerValue: perK(h.peer, h.n),
    },
    {
      group,
      name: `kit's own share (kit − bare supabase-js channel) ${at}`,
      value: perK(h.kit - h.bare, h.n),
      unit: 'B',
      peer: 'bare supabase-js channel',
      peerValue: perK(h.bare, h.n),
      note: 'peer column: what the channel alone holds, which every supabase-js app pays',
    },
  ];
}

async function main(): Promise<void> {
  const machine = readMachine();
  const started = performance.now();
  const rows: BenchRow[] = [];
  const heaps: StoreHeap[] = [];
  for (const n of sizesFromEnv([1000, 10_000])) {
    const of = (subject: Subject) => runChild<number>(['store', subject, String(n)]);
    const h: StoreHeap = {
      n,
      kit: await of('kit'),
      bare: await of('bare'),
      peer: await of('peer'),
    };
    heaps.push(h);
    console.log(`N=${String(n)}: kit ${kB(h.kit)}, bare ${kB(h.bare)}, docs pattern ${kB(h.peer)}`);
    rows.push(...storeRows(h));
  }
  const cycles = await runChild<ProviderCycles>([
    'providers',
    String(Number(process.env.MEMORY_CYCLES ?? '') || 1000),
  ]);
  console.log(
    `${String(cycles.cycles)} provider cycles: took ${kB(cycles.taken)}, kept ${kB(cycles.retained)}, gave back ${(cycles.returnedRatio * 100).toFixed(1)} %`,
  );
  rows.push(
    {
      group: 'PresenceProvider mount/unmount',
      name: `heap given back after ${String(cycles.cycles)} cycles`,
      value: Math.round(cycles.returnedRatio * 1000) / 10,
      unit: '%',
      target: 90,
      targetSense: '>=',
      note: `took ${kB(cycles.taken)} mounted, kept ${kB(cycles.retained)}; channels left open: ${String(cycles.channelsLeft)}`,
    },
    {
      group: 'PresenceProvider mount/unmount',
      name: 'heap per mounted provider (own room, joined)',
      value: Math.round(cycles.taken / cycles.cycles),
      unit: 'B',
    },
  );
  const path = writeResult({
    suite: 'memory',
    machine,
    elapsedS: (performance.now() - started) / 1000,
    summary:
      'V8 used heap after full collections (node --expose-gc). Rooms are real supabase-js channels on the loopback, fed one presence_state of N users (~190 B of JSON each). Providers: react-dom client renderer in jsdom, each provider joining its own room on one loopback client.',
    rows,
    detail: { heaps, cycles },
  });
  console.log(`wrote ${path}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
