/** Rows of the core benchmark's table and JSON, and the recorder that logs each as it lands. */
import { fmt } from '../support/stats.js';
import { summarize, type Summary } from './measure.js';

/** One line of the table (and of `rows` in bench/results/core.json). */
export interface Row {
  n: number;
  op: string;
  /** The kit: frame → committed zustand snapshot (or the kit's call). */
  kit: Summary | null;
  /** supabase-js alone: the same frame through a channel with presence on and no listener. */
  bare: Summary | null;
  /** The docs pattern: the same frame with `on('sync')` → `presenceState()`. */
  peer: Summary | null;
  /** Target for the kit's median, in ms (or as a multiple of JSON.parse when `targetX`). */
  target?: number;
  targetX?: number;
  note?: string;
}

/** Summarizes one operation's samples into a row, appends it and logs the medians. */
export type Recorder = (
  op: string,
  kit: number[] | null,
  bareSamples: number[] | null,
  peerSamples: number[] | null,
  extra?: Partial<Row>,
) => void;

/** A recorder for size `n` that appends to `rows`. */
export function recorder(n: number, rows: Row[], log: (line: string) => void): Recorder {
  return (op, kit, bareSamples, peerSamples, extra = {}) => {
    const sum = (x: number[] | null) => (x ? summarize(x) : null);
    const row: Row = {
      n,
      op,
      kit: sum(kit),
      bare: sum(bareSamples),
      peer: sum(peerSamples),
      ...extra,
    };
    rows.push(row);
    const show = (label: string, v: Summary | null) => (v ? ` ${label} ${fmt(v.median, 4)}` : '');
    log(
      `  N=${String(n)} ${op}:${show('kit', row.kit)}${show('bare', row.bare)}${show('peer', row.peer)} ms`,
    );
  };
}
