/**
 * `npm run bench:e2e`: a `setState` in one Chromium page until another page's `useUserState(id)`
 * has it committed, through supabase-js and the kit's local server (startRealtimeServer on
 * 127.0.0.1, free port, default limits), p50 / p95 / p99 over BENCH_E2E_CHANGES (default 200)
 * changes, next to Supabase's published broadcast latency. Both pages run in one browser and
 * read one clock (`performance.timeOrigin + performance.now()`); before measuring, Node checks how
 * far the two pages' clocks disagree (NTP-style: A, B, A read back to back) and reports it.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startRealtimeServer } from '../../src/server/node/index.js';
import { readMachine, writeResult, type BenchRow } from '../support/result.js';
import { fmt, percentile } from '../support/stats.js';
import { openBenchPage, type BenchPage } from '../ui/benchBrowser.js';

const CHANGES = Number(process.env.BENCH_E2E_CHANGES ?? 200);
const WARMUP = 10;
/** Above the kit's 100 ms broadcast pacing, so every change leaves at once. */
const GAP_MS = 150;
const SUPABASE = "Supabase's published Realtime benchmarks (broadcast, no React, their cloud)";

const readClock = (page: Page) => page.evaluate(() => performance.timeOrigin + performance.now());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openUser(bench: BenchPage, query: string): Promise<Page> {
  const context = await bench.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${bench.url}?${query}`);
  await page.waitForFunction(() => window.e2eBench?.ready() === true, undefined, {
    timeout: 30_000,
  });
  return page;
}

/** How far B's clock is ahead of A's, from the tightest of 20 A-B-A readings. */
async function clockOffset(a: Page, b: Page): Promise<{ offsetMs: number; boundMs: number }> {
  let best = { offsetMs: 0, boundMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 20; i += 1) {
    const a1 = await readClock(a);
    const bt = await readClock(b);
    const a2 = await readClock(a);
    const bound = (a2 - a1) / 2;
    if (bound < best.boundMs) best = { offsetMs: bt - (a1 + a2) / 2, boundMs: bound };
  }
  return best;
}

/** One change from `from` to `to`: ms from the setState call to the peer's commit (-1: lost). */
async function change(from: Page, to: Page, seq: string): Promise<number> {
  const sentAt = await from.evaluate((s) => window.e2eBench?.send(s) ?? -1, seq);
  const seenAt = await to.evaluate((s) => window.e2eBench?.seen(s, 5_000) ?? -1, seq);
  return seenAt < 0 || sentAt < 0 ? -1 : seenAt - sentAt;
}

async function measure(a: Page, b: Page): Promise<{ latencies: number[]; lost: number }> {
  const latencies: number[] = [];
  let lost = 0;
  for (let i = 0; i < WARMUP + CHANGES; i += 1) {
    const started = performance.now();
    const ms = await change(a, b, String(i + 1));
    if (i >= WARMUP) {
      if (ms < 0) lost += 1;
      else latencies.push(ms);
    }
    await sleep(Math.max(0, GAP_MS - (performance.now() - started)));
  }
  return { latencies: latencies.sort((x, y) => x - y), lost };
}

function rowsOf(p50: number, p95: number, p99: number, lost: number): BenchRow[] {
  const group = 'End to end: setState → other page’s hook';
  return [
    {
      name: 'setState → peer commit p50',
      group,
      value: p50,
      unit: 'ms',
      target: 20,
      peer: SUPABASE,
      peerValue: 6,
    },
    {
      name: 'setState → peer commit p95',
      group,
      value: p95,
      unit: 'ms',
      peer: SUPABASE,
      peerValue: 28,
    },
    { name: 'setState → peer commit p99', group, value: p99, unit: 'ms', target: 50 },
    { name: 'changes lost', group, value: lost, unit: 'changes', target: 0 },
  ];
}

async function main(): Promise<void> {
  const machine = readMachine();
  const started = performance.now();
  const server = await startRealtimeServer({ host: '127.0.0.1', port: 0 });
  const bench = await openBenchPage(fileURLToPath(new URL('.', import.meta.url)));
  try {
    const q = (user: string, peer: string) =>
      new URLSearchParams({ url: server.url, key: server.anonKey, user, peer }).toString();
    const [a, b] = await Promise.all([
      openUser(bench, q('ann', 'bob')),
      openUser(bench, q('bob', 'ann')),
    ]);
    const clocks = await clockOffset(a, b);
    const { latencies, lost } = await measure(a, b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p)) as [
      number,
      number,
      number,
    ];
    const max = latencies.at(-1) ?? Number.NaN;
    const elapsedS = (performance.now() - started) / 1_000;
    const path = writeResult({
      suite: 'e2e',
      elapsedS,
      machine,
      summary: `Two headless Chromium pages (one browser, one clock: performance.timeOrigin + now(), pages agree within ${fmt(Math.abs(clocks.offsetMs) + clocks.boundMs, 3)} ms), supabase-js to the kit's local server on 127.0.0.1: setState in one until the other's useUserState(id) commits it, ${String(latencies.length)} changes ${String(GAP_MS)} ms apart.`,
      rows: rowsOf(p50, p95, p99, lost),
      detail: { latencies, clocks, max, gapMs: GAP_MS, warmup: WARMUP },
    });
    console.log(
      '\n| figure | kit (local server, React commit) | Supabase published (cloud, no React) | target |',
    );
    console.log(`| p50 | ${fmt(p50)} ms | 6 ms | ≤ 20 ms ${p50 <= 20 ? 'met' : 'missed'} |`);
    console.log(`| p95 | ${fmt(p95)} ms | 28 ms | — |`);
    console.log(`| p99 | ${fmt(p99)} ms | — | ≤ 50 ms ${p99 <= 50 ? 'met' : 'missed'} |`);
    console.log(`| max | ${fmt(max)} ms | — | — |`);
    const [l1 = 0, l5 = 0] = machine.loadBefore;
    console.log(
      `\n${String(latencies.length)} changes, ${String(lost)} lost; page clocks: B − A = ${fmt(clocks.offsetMs, 3)} ± ${fmt(clocks.boundMs, 3)} ms; machine: ${String(machine.cores)} cores, load ${fmt(l1)} / ${fmt(l5)}; ${fmt(elapsedS, 0)} s; wrote ${path}`,
    );
  } finally {
    await bench.close();
    await server.close();
  }
}

await main();
