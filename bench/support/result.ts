/**
 * The one JSON envelope every benchmark suite writes under bench/results/ (`<suite>.json`), and
 * the report script (bench/report/) reads back to build bench/RESULTS.md. A suite's own detail
 * (every run, every percentile) may ride along under `detail`; the report only reads `rows`.
 *
 * A row is one figure: its absolute `value` and `unit`, and, where the suite measured a peer in
 * the same run, the peer's figure and `ratio` (kit ÷ peer, so < 1 means less time, fewer bytes
 * or fewer calls than the peer). A row with a `target` says whether it was `met`.
 */
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The machine a suite ran on, read when the suite starts and again when it ends. */
export interface BenchMachine {
  /** Logical cores (`os.cpus().length`). */
  cores: number;
  /** CPU model string of the first core. */
  cpu: string;
  /** `process.version`, e.g. `v22.11.0`. */
  node: string;
  /** 1/5/15-minute load averages when the suite started. */
  loadBefore: [number, number, number];
  /** 1/5/15-minute load averages when the suite ended. */
  loadAfter?: [number, number, number];
  /** `process.platform` and `process.arch`, e.g. `linux x64`. */
  platform: string;
}

/** How a row's target is read: the value must be at most (`<=`) or at least (`>=`) the target. */
export type TargetSense = '<=' | '>=';

/** One figure of a suite. */
export interface BenchRow {
  /** What was measured, unique within the suite, e.g. `leave at 10,000 (kit)`. */
  name: string;
  /** The kit's figure. */
  value: number;
  /** Unit of `value`, `peerValue` and `target`: `ms`, `µs`, `B`, `calls/30 s`, `%`, ... */
  unit: string;
  /** Group heading in RESULTS.md (e.g. `presence_diff ingest`); rows without one go last. */
  group?: string;
  /** Who the kit is compared with, e.g. `supabase-js presenceState()` or `@liveblocks/react`. */
  peer?: string;
  /** The peer's figure from the same run, same unit. */
  peerValue?: number;
  /** `value / peerValue` (< 1: the kit needs less). */
  ratio?: number;
  /** The target: in `unit`, or a bare ratio when `targetOn` is `ratio` (e.g. 1.5 for ≤ 1.5× JSON.parse). */
  target?: number;
  /** `ratio` when the target applies to the ratio rather than the value; `value` by default. */
  targetOn?: 'value' | 'ratio';
  /** Default `<=`. */
  targetSense?: TargetSense;
  /** Whether the target was met; absent when there is no target. */
  met?: boolean;
  /** A short note shown next to the row (what the peer is, why a figure is what it is). */
  note?: string;
}

/** The file a suite writes: bench/results/<suite>.json. */
export interface BenchResult {
  /** Suite name, also the file name: `core`, `server`, `wire`, `memory`, `bundle`, `ui`, `e2e`. */
  suite: string;
  /** ISO time the suite finished. */
  when: string;
  /** Wall time of the whole suite in seconds. */
  elapsedS?: number;
  machine: BenchMachine;
  /** One line saying what the suite measures and how (shown above its table). */
  summary?: string;
  rows: BenchRow[];
  /** Findings shown under the suite's table (e.g. where a missed target's time goes). */
  notes?: string[];
  /** Anything else the suite wants to keep (raw runs, histograms); not read by the report. */
  detail?: unknown;
}

const loads = (): [number, number, number] => {
  const [a = 0, b = 0, c = 0] = loadavg();
  return [a, b, c];
};

/** The machine now; call at a suite's start, then `finishMachine` at its end. */
export function readMachine(): BenchMachine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadBefore: loads(),
    platform: `${process.platform} ${process.arch}`,
  };
}

/** Fills `met` and `ratio` where they can be derived and were not given. */
export function completeRow(row: BenchRow): BenchRow {
  const out: BenchRow = { ...row };
  if (out.ratio === undefined && out.peerValue !== undefined && out.peerValue !== 0) {
    out.ratio = out.value / out.peerValue;
  }
  if (out.target !== undefined && out.met === undefined) {
    const judged = out.targetOn === 'ratio' ? out.ratio : out.value;
    if (judged !== undefined && Number.isFinite(judged)) {
      out.met = (out.targetSense ?? '<=') === '<=' ? judged <= out.target : judged >= out.target;
    } else {
      out.met = false;
    }
  }
  return out;
}

/** Directory of the JSON results (bench/results/). */
export const resultsDir = (): string => fileURLToPath(new URL('../results/', import.meta.url));

/**
 * Writes bench/results/<suite>.json in the envelope (load average read again now) and returns
 * the path. `dir` overrides the directory (the report's tests write elsewhere).
 */
export function writeResult(
  result: Omit<BenchResult, 'when'> & { when?: string },
  dir: string = resultsDir(),
): string {
  mkdirSync(dir, { recursive: true });
  const full: BenchResult = {
    ...result,
    when: result.when ?? new Date().toISOString(),
    machine: { ...result.machine, loadAfter: result.machine.loadAfter ?? loads() },
    rows: result.rows.map(completeRow),
  };
  const path = `${dir.endsWith('/') ? dir : `${dir}/`}${result.suite}.json`;
  writeFileSync(path, `${JSON.stringify(full, null, 2)}\n`);
  return path;
}
