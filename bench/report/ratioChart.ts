/**
 * A suite's chart as a hand-written SVG string: one horizontal bar per row that has a peer,
 * its length the kit ÷ peer ratio on a log scale around 1× (left of the line: the kit needs
 * less; right: more). Labels are the rows' names; colours say better or worse than the peer.
 */
import type { BenchResult, BenchRow } from '../support/result.js';
import { num } from './format.js';

const ROW_H = 22;
const LABEL_W = 430;
const PLOT_W = 360;
const PAD = 12;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rows a chart can show: a finite positive ratio. */
export const chartable = (rows: BenchRow[]) =>
  rows.filter((r) => r.ratio !== undefined && Number.isFinite(r.ratio) && r.ratio > 0);

/** Whether less is better for this row (a `>=` target, or a throughput unit, means more is). */
const lessIsBetter = (r: BenchRow) => !((r.targetSense ?? '<=') === '>=' || /\/s$|%$/.test(r.unit));

function bar(r: BenchRow, i: number, decades: number): string {
  const y = PAD + 24 + i * ROW_H;
  const center = LABEL_W + PLOT_W / 2;
  const scale = PLOT_W / 2 / decades;
  const log = Math.max(-decades, Math.min(decades, Math.log10(r.ratio as number)));
  const x = log < 0 ? center + log * scale : center;
  const good = lessIsBetter(r) ? log <= 0 : log >= 0;
  const label = r.name.length > 68 ? `${r.name.slice(0, 66)}…` : r.name;
  return [
    `<text x="${LABEL_W - 8}" y="${y + 14}" text-anchor="end" font-size="11">${esc(label)}</text>`,
    `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${Math.max(1, Math.abs(log) * scale).toFixed(1)}" height="${ROW_H - 8}" fill="${good ? '#2e7d32' : '#c62828'}"/>`,
    `<text x="${LABEL_W + PLOT_W + 8}" y="${y + 14}" font-size="10">${esc(num(r.ratio))}×</text>`,
  ].join('');
}

/** The chart of `result`, or `null` when no row has a peer. */
export function ratioChart(result: BenchResult): string | null {
  const rows = chartable(result.rows);
  if (rows.length === 0) return null;
  const maxLog = Math.max(...rows.map((r) => Math.abs(Math.log10(r.ratio as number))));
  const decades = Math.max(1, Math.ceil(maxLog));
  const width = LABEL_W + PLOT_W + PAD * 2 + 70;
  const height = PAD * 2 + 24 + rows.length * ROW_H + 18;
  const center = LABEL_W + PLOT_W / 2;
  const ticks = Array.from({ length: 2 * decades + 1 }, (_, k) => k - decades).map((d) => {
    const x = center + (d * PLOT_W) / 2 / decades;
    return `<line x1="${x}" y1="${PAD + 20}" x2="${x}" y2="${height - PAD - 14}" stroke="${d === 0 ? '#333' : '#ddd'}"/><text x="${x}" y="${height - PAD}" text-anchor="middle" font-size="10">${esc(num(10 ** d))}×</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${PAD}" y="${PAD + 8}" font-size="13" font-weight="bold">${esc(result.suite)}: kit ÷ peer (log scale; green = better than the peer)</text>`,
    ...ticks,
    ...rows.map((r, i) => bar(r, i, decades)),
    '</svg>',
  ].join('\n');
}
