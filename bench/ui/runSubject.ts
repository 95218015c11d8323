/**
 * In the page: fills one subject's room with N occupants through one raw `presence_state`, then
 * feeds `updates` presence updates one at a time, each about a user the subject shows, and
 * measures each from the frame reaching the channel to React's commit.
 */
import type { ProfilerOnRenderCallback } from 'react';
import { meta, type Meta, type Population } from '../core/frames.js';
import { feed, SELF_ID } from '../core/world.js';
import { macrotask, until } from './macrotask.js';
import { mountSubject, type Mounted, type SubjectName } from './mountSubject.js';
import { readRenders, resetRenders } from './renderCounter.js';
import { stateFrame, uiPopulation, updateFrame } from './uiFrames.js';

/** What Node asks for. */
export interface RunParams {
  subject: SubjectName;
  n: number;
  updates: number;
}

/** One update, in ms on the page's `performance.now()` clock. */
export interface UpdateSample {
  /** Feeding the frame to the subject's channel: supabase-js, then the kit's store (or the docs pattern's `presenceState()`). */
  ingest: number;
  /** The same frame fed to a bare channel (presence on, no listener). */
  bare: number;
  /** Frame → the last commit it caused (null: no commit). */
  commit: number | null;
  /** React's render time of those commits (`<Profiler>` actualDuration). */
  render: number;
  /** Function components React ran. */
  renders: number;
  commits: number;
}

/** What the page hands back. */
export interface RunResult {
  subject: SubjectName;
  n: number;
  fillMs: number;
  /** Users the subject rendered, whom the updates are about. */
  shown: number;
  samples: UpdateSample[];
  /** Renders over all updates, by component. */
  byName: Record<string, number>;
  errors: string[];
  isolated: boolean;
}

const commits: { at: number; actual: number }[] = [];
const onRender: ProfilerOnRenderCallback = (_id, _phase, actual) => {
  commits.push({ at: performance.now(), actual });
};

/** Lets React commit what the last frame caused (up to 2 s for the slow naive list at 10,000). */
async function settle(): Promise<void> {
  const deadline = performance.now() + 2_000;
  await macrotask();
  await macrotask();
  while (commits.length === 0 && performance.now() < deadline) await macrotask();
  await macrotask();
}

/** The users whose names the subject rendered ("User 12" is `pop.ids[12]`). */
function shownUsers(m: Mounted, pop: Population): string[] {
  const seen = new Set<string>();
  for (const match of m.container.innerHTML.matchAll(/User (\d+)(?!\d)/g)) {
    const id = pop.ids[Number(match[1])];
    if (id !== undefined) seen.add(id);
  }
  return [...seen];
}

async function fill(m: Mounted, pop: Population): Promise<number> {
  const self = { key: SELF_ID, meta: m.self ?? (meta(pop.random, -1) as Meta) };
  const frame = stateFrame(pop, self);
  feed(m.bare, 'presence_state', JSON.parse(frame));
  commits.length = 0;
  const start = performance.now();
  feed(m.channel, 'presence_state', JSON.parse(frame));
  await settle();
  return (commits.at(-1)?.at ?? performance.now()) - start;
}

async function step(m: Mounted, pop: Population, key: string, field: 'status' | 'pk.mic') {
  const { frame, value } = updateFrame(pop, key, field);
  const forBare: unknown = JSON.parse(frame);
  const forSubject: unknown = JSON.parse(frame);
  let t = performance.now();
  feed(m.bare, 'presence_diff', forBare);
  const bare = performance.now() - t;
  await macrotask();
  commits.length = 0;
  t = performance.now();
  resetRenders(t);
  feed(m.channel, 'presence_diff', forSubject);
  const ingest = performance.now() - t;
  await settle();
  const last = commits.at(-1);
  const sample: UpdateSample = {
    ingest,
    bare,
    commit: last === undefined ? null : last.at - t,
    render: commits.reduce((sum, c) => sum + c.actual, 0),
    renders: readRenders().total,
    commits: commits.length,
  };
  return { sample, ok: m.valueOf(key, field) === value, byName: readRenders().byName };
}

/** Updates fed before the timed ones (their samples and renders are not counted). */
const WARMUP_UPDATES = 20;

/** Runs one subject at one size. */
export async function runSubject(params: RunParams): Promise<RunResult> {
  const { subject, n, updates } = params;
  const errors: string[] = [];
  const m = await mountSubject(subject, onRender);
  const pop = uiPopulation(n, 8);
  const fillMs = await fill(m, pop);
  await until(() => m.valueOf(pop.ids[0] as string, 'name') !== undefined, 'fill');
  const shown = shownUsers(m, pop);
  if (shown.length === 0) errors.push('the subject shows nobody after the fill');
  const field = subject === 'MicSeats' ? 'pk.mic' : 'status';
  const samples: UpdateSample[] = [];
  const byName: Record<string, number> = {};
  // Untimed warm-up on the same path, kit and naive list alike: without it the first subject
  // measured pays the JIT's compile time and the 1,000 rows read slower than the 10,000 ones.
  for (let i = 0; i < WARMUP_UPDATES && shown.length > 0; i += 1) {
    const r = await step(m, pop, shown[(i * 7) % shown.length] as string, field);
    if (!r.ok) errors.push(`warm-up update ${i} not applied`);
  }
  for (let i = 0; i < updates && shown.length > 0; i += 1) {
    const r = await step(m, pop, shown[i % shown.length] as string, field);
    samples.push(r.sample);
    if (!r.ok) errors.push(`update ${i} not applied`);
    for (const [name, count] of Object.entries(r.byName))
      byName[name] = (byName[name] ?? 0) + count;
  }
  await m.close();
  return {
    subject,
    n,
    fillMs,
    shown: shown.length,
    samples,
    byName,
    errors: errors.slice(0, 5),
    isolated: crossOriginIsolated,
  };
}
