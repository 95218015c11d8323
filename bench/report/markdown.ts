/** RESULTS.md's sections, built from the results in the shared envelope. */
import type { BenchMachine, BenchResult, BenchRow } from '../support/result.js';
import { num, ratio, targetText, verdict } from './format.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `2 cores (AMD EPYC), load 4.9 → 5.7, node v20.20.2, linux x64`. */
export function machineLine(m: BenchMachine): string {
  const load = (l?: number[]) => (l ? l.map((v) => v.toFixed(1)).join('/') : '?');
  return `${String(m.cores)} cores (${m.cpu}), load average ${load(m.loadBefore)} before, ${load(m.loadAfter)} after, node ${m.node}, ${m.platform}`;
}

/** One table line of a row. */
function line(r: BenchRow): string {
  const peer = r.peer ? `${num(r.peerValue)} (${r.peer})` : '—';
  return `| ${cell(r.name)} | ${num(r.value)} ${cell(r.unit)} | ${cell(peer)} | ${ratio(r.ratio)} | ${cell(targetText(r))} | ${verdict(r)} |`;
}

/** The table of every row with a target, across suites: the page's headline. */
export function headline(results: BenchResult[]): string {
  const rows = results.flatMap((res) =>
    res.rows.filter((r) => r.target !== undefined).map((r) => ({ suite: res.suite, r })),
  );
  if (rows.length === 0) return '';
  return [
    '| suite | figure | kit | peer | kit ÷ peer | target | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(({ suite, r }) => `| ${suite} |${line(r).slice(1)}`),
  ].join('\n');
}

/** A suite's section: what it measured, its machine, its chart, its tables by group, notes. */
export function suiteSection(res: BenchResult, chart: string | null): string {
  const out = [`## ${res.suite}`, ''];
  if (res.summary) out.push(res.summary, '');
  out.push(
    `Ran ${res.when.slice(0, 16).replace('T', ' ')} UTC in ${num(res.elapsedS)} s on ${machineLine(res.machine)}.`,
    '',
  );
  if (chart) out.push(`![${res.suite}: kit ÷ peer](${chart})`, '');
  const groups = new Map<string, BenchRow[]>();
  for (const r of res.rows) groups.set(r.group ?? '', [...(groups.get(r.group ?? '') ?? []), r]);
  for (const [group, rows] of groups) {
    if (group) out.push(`**${group}**`, '');
    out.push('| figure | kit | peer | kit ÷ peer | target | verdict |');
    out.push('| --- | --- | --- | --- | --- | --- |');
    out.push(...rows.map(line), '');
    const notes = rows.filter((r) => r.note).map((r) => `- ${cell(r.name)}: ${r.note ?? ''}`);
    if (notes.length) out.push(...notes, '');
  }
  if (res.notes?.length) out.push(...res.notes.map((n) => `> ${n}`), '');
  return out.join('\n');
}
