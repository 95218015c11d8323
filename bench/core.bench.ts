/**
 * `npm run bench:core`: the kit's presence engine against the pattern Supabase's docs teach
 * (`channel.on('presence', { event: 'sync' }, () => channel.presenceState())`), side by side in
 * one run, at N = 100 / 1,000 / 10,000 occupants (`BENCH_SIZES=100,1000` overrides;
 * `BENCH_ITER_SCALE=0.5` halves the iterations).
 *
 * Every channel is a real supabase-js RealtimeChannel joined over the in-page loopback server, so
 * the kit's Room is bound exactly as in production. The frames under test are then handed to each
 * channel's Phoenix channel with `trigger(event, payload, null, joinRef)` (what the socket does
 * after decoding a frame), the same frame strings to the kit and the peer, `JSON.parse`d fresh
 * outside the clock. `process.hrtime.bigint()` brackets only that call:
 *  - kit:  frame → supabase-js Presence (which the channel runs anyway), then the kit's raw
 *          presence_state / presence_diff binding → its own reconcile → BatchedStore.commit()
 *          → zustand `setState` of the new immutable snapshot (all synchronous inside the call;
 *          checked after every iteration).
 *  - peer: frame → supabase-js Presence → `sync` → `channel.presenceState()`.
 * Method and iteration counts follow SURVEY Part B §5.1. Results: bench/results/core.json.
 * The cases live in bench/core/ (benchSize runs one N); this file runs the sizes and reports.
 */
import { cpus, loadavg } from 'node:os';
import { benchSize } from './core/benchSize.js';
import { coreRows, profileNotes } from './core/coreRows.js';
import type { IngestProfile } from './core/profileIngest.js';
import { gc } from './core/measure.js';
import { printFooter, printTable } from './core/printTable.js';
import type { Row } from './core/recorder.js';
import { readMachine, writeResult } from './support/result.js';
import { fmt, sizesFromEnv } from './support/stats.js';

async function main(): Promise<void> {
  const sizes = sizesFromEnv([100, 1000, 10_000]);
  const started = Date.now();
  const envelope = readMachine();
  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    loadBefore: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
  console.log(
    `core bench: N = ${sizes.join(', ')}; node ${process.version}; ${String(machine.cpus)} × ${String(machine.model)}; load ${machine.loadBefore}`,
  );
  const rows: Row[] = [];
  const infos: Record<string, unknown>[] = [];
  for (const n of sizes) {
    gc();
    const { rows: r, info } = await benchSize(n, (line) => console.log(line));
    rows.push(...r);
    infos.push(info);
  }
  const parseBySize = new Map(infos.map((i) => [i.n as number, i.parseMedianMs as number]));
  printTable(rows, parseBySize);
  printFooter(infos);
  const notes = infos.flatMap((i) =>
    profileNotes(i.n as number, i.ingestProfile as IngestProfile | undefined),
  );
  for (const note of notes) console.log(note);
  const path = writeResult({
    suite: 'core',
    machine: envelope,
    elapsedS: (Date.now() - started) / 1000,
    summary:
      'Median ms of one frame through real supabase-js channels on the loopback (kit: frame → committed zustand snapshot; peer: the docs pattern; bare: supabase-js alone, in the notes).',
    rows: coreRows(rows, parseBySize),
    notes,
    detail: { machine, sizes, info: infos, rows },
  });
  console.log(`wrote ${path} in ${fmt((Date.now() - started) / 1000, 1)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
