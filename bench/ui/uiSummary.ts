/**
 * Turns the page's raw samples into figures (percentiles per subject and size) and the envelope's
 * rows: each kit component against the naive list of the same size and run.
 */
import type { BenchRow } from '../support/result.js';
import { percentile } from '../support/stats.js';
import type { RunResult, UpdateSample } from './runSubject.js';

/** Row components: one of them per user shown. */
const ROW_COMPONENTS = ['OnlineAvatarItem', 'PresenceListRow', 'MicSeatsSeat', 'NaiveRow'];

/** One subject at one size, summarised. */
export interface Figures {
  subject: string;
  n: number;
  updates: number;
  commitP50: number;
  commitP95: number;
  renderP50: number;
  ingestP50: number;
  bareP50: number;
  /** The kit's own work: ingest minus the bare channel's, plus React's render of the subject. */
  ownP50: number;
  ownP95: number;
  /** Users' rows re-rendered per update (mean). */
  rowsPerUpdate: number;
  /** Function components rendered per update (mean). */
  componentsPerUpdate: number;
  noCommit: number;
  errors: string[];
}

const pct = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  );

/** The percentiles and counts of one run. */
export function figuresOf(r: RunResult): Figures {
  const s = r.samples;
  const committed = s.flatMap((x: UpdateSample) => (x.commit === null ? [] : [x.commit]));
  const own = s.map((x) => Math.max(0, x.ingest - x.bare) + x.render);
  const rows = ROW_COMPONENTS.reduce((sum, name) => sum + (r.byName[name] ?? 0), 0);
  const count = Math.max(1, s.length);
  return {
    subject: r.subject,
    n: r.n,
    updates: s.length,
    commitP50: pct(committed, 50),
    commitP95: pct(committed, 95),
    renderP50: pct(
      s.map((x) => x.render),
      50,
    ),
    ingestP50: pct(
      s.map((x) => x.ingest),
      50,
    ),
    bareP50: pct(
      s.map((x) => x.bare),
      50,
    ),
    ownP50: pct(own, 50),
    ownP95: pct(own, 95),
    rowsPerUpdate: rows / count,
    componentsPerUpdate: s.reduce((sum, x) => sum + x.renders, 0) / count,
    noCommit: s.length - committed.length,
    errors: r.errors,
  };
}

const sized = (n: number) => n.toLocaleString('en-US');
const NAIVE = 'naive list (presenceState() on every sync)';

/** The envelope rows of one kit component at one size, against the naive list of that size. */
export function rowsOf(kit: Figures, naive: Figures | undefined): BenchRow[] {
  const group = `UI, ${sized(kit.n)} occupants`;
  const label = (what: string) => `${kit.subject} ${what} at ${sized(kit.n)}`;
  const peer = naive === undefined ? {} : { peer: NAIVE };
  const rows: BenchRow[] = [
    {
      name: label('frame → commit p50'),
      group,
      value: kit.commitP50,
      unit: 'ms',
      ...peer,
      ...(naive ? { peerValue: naive.commitP50 } : {}),
      ...(kit.n <= 1_000 ? { target: 0.05, targetOn: 'ratio' as const } : {}),
      note: kit.n <= 1_000 ? 'target: ≥ 20× faster than the naive list' : '',
    },
    {
      name: label('frame → commit p95'),
      group,
      value: kit.commitP95,
      unit: 'ms',
      ...peer,
      ...(naive ? { peerValue: naive.commitP95 } : {}),
      target: kit.n <= 1_000 ? 10 : 16,
    },
    {
      name: label("kit's own work p50"),
      group,
      value: kit.ownP50,
      unit: 'ms',
      target: 0.2,
      note: 'frame ingest minus a bare supabase-js channel’s, plus React render (Profiler actualDuration)',
    },
    {
      name: label('rows re-rendered per update'),
      group,
      value: kit.rowsPerUpdate,
      unit: 'renders',
      ...peer,
      ...(naive ? { peerValue: naive.rowsPerUpdate } : {}),
      target: 1,
      note: `${kit.componentsPerUpdate.toFixed(1)} function components per update in all`,
    },
  ];
  return rows.map((row) => (row.note === '' ? withoutNote(row) : row));
}

function withoutNote(row: BenchRow): BenchRow {
  const { note: _note, ...rest } = row;
  return rest;
}
