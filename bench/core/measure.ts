/** Timing loop of the core benchmark: only the call under test is inside the clock. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { percentile } from '../support/stats.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface Summary {
  median: number;
  p95: number;
  min: number;
  n: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    n: sorted.length,
  };
}

/** Iterations after warm-ups per N (SURVEY §5.1: 2,000/200, 300/30, 40/5). */
export function iterationsFor(n: number): { iterations: number; warmups: number } {
  const scale = Number(process.env.BENCH_ITER_SCALE ?? '') || 1;
  const base = n <= 100 ? 2000 : n <= 1000 ? 300 : n <= 10_000 ? 40 : 10;
  const iterations = Math.max(5, Math.round(base * scale));
  return { iterations, warmups: Math.max(2, Math.round(iterations / 10)) };
}

export interface Case<P> {
  /** Untimed: builds the input of one iteration (fresh objects, e.g. by `JSON.parse`). */
  prepare(i: number): P | Promise<P>;
  /** Timed: the call under test, and nothing else. */
  run(input: P): void;
  /** Untimed: checks the effect (throws loudly when wrong) and undoes it so N stays fixed. */
  after?(input: P, i: number): void | Promise<void>;
  /** Records this value (ms) instead of the time around `run` (for timings taken inside it). */
  sample?(input: P): number;
}

/**
 * Runs `warmups + iterations` rounds, timing only `run`, yielding to the event loop between
 * rounds (so microtasks, timers and loopback traffic run outside the clock, as in an app).
 * Returns the timed samples in milliseconds.
 */
export async function measure<P>(c: Case<P>, n: number, scale = 1): Promise<number[]> {
  const { iterations, warmups } = iterationsFor(n);
  const total = Math.max(3, Math.round(iterations * scale));
  const warm = Math.max(1, Math.round(warmups * scale));
  const samples: number[] = [];
  gc();
  for (let i = 0; i < warm + total; i += 1) {
    const input = await c.prepare(i);
    const t0 = process.hrtime.bigint();
    c.run(input);
    const t1 = process.hrtime.bigint();
    const value = c.sample ? c.sample(input) : Number(t1 - t0) / 1e6;
    await c.after?.(input, i);
    if (i >= warm) samples.push(value);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return samples;
}

export { gc };

/**
 * Like `measure`, for two subjects fed side by side: each round prepares both, times both (order
 * alternating between rounds, so drift and GC debt fall on both alike), then checks and undoes.
 */
export async function measurePair<A, B>(
  a: Case<A>,
  b: Case<B>,
  n: number,
): Promise<[number[], number[]]> {
  const { iterations, warmups } = iterationsFor(n);
  const out: [number[], number[]] = [[], []];
  gc();
  for (let i = 0; i < warmups + iterations; i += 1) {
    const inputA = await a.prepare(i);
    const inputB = await b.prepare(i);
    const time = (run: () => void): number => {
      const t0 = process.hrtime.bigint();
      run();
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = time(() => a.run(inputA));
      tb = time(() => b.run(inputB));
    } else {
      tb = time(() => b.run(inputB));
      ta = time(() => a.run(inputA));
    }
    await a.after?.(inputA, i);
    await b.after?.(inputB, i);
    if (i >= warmups) {
      out[0].push(ta);
      out[1].push(tb);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}
