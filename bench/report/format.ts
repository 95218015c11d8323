/** Number and verdict formatting shared by the report's tables and charts. */
import type { BenchRow } from '../support/result.js';

/** A figure with sensible precision: 3 significant digits below 100, thousands separators above. */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en');
  if (abs === 0) return '0';
  return Number(value.toPrecision(3)).toString();
}

/** kit ÷ peer as `0.25×`, or `—`. */
export const ratio = (r: number | undefined) =>
  r === undefined || !Number.isFinite(r) ? '—' : `${num(r)}×`;

/** `≤ 0.1 ms`, `≥ 90 %`, `≤ 1.5× peer`. */
export function targetText(row: BenchRow): string {
  if (row.target === undefined) return '';
  const sense = (row.targetSense ?? '<=') === '<=' ? '≤' : '≥';
  return row.targetOn === 'ratio'
    ? `${sense} ${num(row.target)}× peer`
    : `${sense} ${num(row.target)} ${row.unit}`;
}

/** `met`, or `missed by 23 %` (how far the judged figure is from the target). */
export function verdict(row: BenchRow): string {
  if (row.target === undefined) return '';
  if (row.met) return 'met';
  const judged = row.targetOn === 'ratio' ? row.ratio : row.value;
  if (judged === undefined || judged === null || !Number.isFinite(judged))
    return '**missed** (no figure)';
  if (row.target === 0) return `**missed** (${num(judged)} instead of 0)`;
  const sense = row.targetSense ?? '<=';
  const off = sense === '<=' ? judged / row.target - 1 : 1 - judged / row.target;
  return `**missed** by ${num(off * 100)} %`;
}
