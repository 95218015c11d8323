/**
 * `npm run bench:ui`: OnlineAvatars, PresenceList and MicSeats in Chromium (production React with
 * profiling), each in its own loopback room of 1,000 and 10,000 occupants, against the naive list
 * fed by `presenceState()` on every `sync`, in the same run. Per presence update: frame → React
 * commit (p50/p95), React render time, the kit's own work, rows and components re-rendered.
 * Writes bench/results/ui.json. Knobs: BENCH_SIZES, BENCH_UI_UPDATES (default 200),
 * BENCH_UI_NAIVE_10K (naive updates at 10,000, default 30: each one re-renders 10,000 rows).
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { readMachine, writeResult, type BenchRow } from '../support/result.js';
import { fmt, sizesFromEnv } from '../support/stats.js';
import { openBenchPage } from './benchBrowser.js';
import type { SubjectName } from './mountSubject.js';
import type { RunResult } from './runSubject.js';
import { figuresOf, rowsOf, type Figures } from './uiSummary.js';

const SUBJECTS: SubjectName[] = ['OnlineAvatars', 'PresenceList', 'MicSeats', 'naive'];
const UPDATES = Number(process.env.BENCH_UI_UPDATES ?? 200);
const NAIVE_10K = Number(process.env.BENCH_UI_NAIVE_10K ?? 30);

async function runInPage(page: Page, subject: SubjectName, n: number): Promise<RunResult> {
  const updates = subject === 'naive' && n >= 10_000 ? Math.min(UPDATES, NAIVE_10K) : UPDATES;
  return page.evaluate(
    (p) => {
      const bench = window.uiBench;
      if (bench === undefined) throw new Error('the bench page did not load');
      return bench.runSubject(p);
    },
    { subject, n, updates },
  );
}

function printTable(all: Figures[]): void {
  console.log(
    '\nN | subject | updates | frame→commit p50 / p95 ms | render p50 | ingest p50 | bare p50 | kit own p50 / p95 | rows / components per update | naive p50 ÷ kit p50',
  );
  for (const f of all) {
    const naive = all.find((x) => x.subject === 'naive' && x.n === f.n);
    const speedup = naive && f !== naive ? `${fmt(naive.commitP50 / f.commitP50, 0)}×` : '—';
    const own = f.subject === 'naive' ? '—' : `${fmt(f.ownP50, 3)} / ${fmt(f.ownP95, 3)}`;
    console.log(
      [
        f.n.toLocaleString('en-US'),
        f.subject,
        f.updates,
        `${fmt(f.commitP50)} / ${fmt(f.commitP95)}`,
        fmt(f.renderP50, 3),
        fmt(f.ingestP50, 3),
        fmt(f.bareP50, 3),
        own,
        `${fmt(f.rowsPerUpdate, 1)} / ${fmt(f.componentsPerUpdate, 1)}`,
        speedup,
      ].join(' | '),
    );
    if (f.noCommit > 0) console.log(`  ${String(f.noCommit)} updates caused no commit`);
    for (const error of f.errors) console.log(`  error: ${error}`);
  }
}

async function main(): Promise<void> {
  const machine = readMachine();
  const started = performance.now();
  const sizes = sizesFromEnv([1_000, 10_000]);
  const bench = await openBenchPage(fileURLToPath(new URL('.', import.meta.url)));
  const all: Figures[] = [];
  let isolated = true;
  try {
    const context = await bench.browser.newContext();
    for (const n of sizes) {
      for (const subject of SUBJECTS) {
        // A fresh page per run: no heap or listeners carried from the previous subject.
        const page = await context.newPage();
        await page.goto(bench.url);
        const result = await runInPage(page, subject, n);
        isolated &&= result.isolated;
        all.push(figuresOf(result));
        await page.close();
        console.log(
          `${subject} at ${n.toLocaleString('en-US')}: ${String(result.samples.length)} updates`,
        );
      }
    }
  } finally {
    await bench.close();
  }
  printTable(all);
  const rows: BenchRow[] = all
    .filter((f) => f.subject !== 'naive')
    .flatMap((f) =>
      rowsOf(
        f,
        all.find((x) => x.subject === 'naive' && x.n === f.n),
      ),
    );
  const elapsedS = (performance.now() - started) / 1_000;
  const path = writeResult({
    suite: 'ui',
    elapsedS,
    machine,
    summary:
      'Chromium (headless, production React with profiling): one presence update at a time in a loopback room, timed from the raw frame reaching the supabase-js channel to React’s commit (<Profiler>), against the naive list fed by presenceState() on every sync.',
    rows,
    detail: { figures: all, crossOriginIsolated: isolated },
  });
  const [l1 = 0, l5 = 0] = machine.loadBefore;
  console.log(
    `\nmachine: ${String(machine.cores)} cores, load ${fmt(l1)} / ${fmt(l5)}; timer steps ${isolated ? '5 µs (cross-origin isolated)' : '100 µs'}; ${fmt(elapsedS, 0)} s; wrote ${path}`,
  );
}

await main();
