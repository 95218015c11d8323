/**
 * The results the report is made from: bench/results/latest/*.json (committed, so RESULTS.md can
 * be regenerated from a fresh clone). A suite's fresh bench/results/<suite>.json, when newer,
 * replaces its copy there first.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resultsDir, type BenchResult } from '../support/result.js';

/** bench/results/latest/ */
export const latestDir = (): string => `${resultsDir()}latest/`;

/** Copies every fresher bench/results/<suite>.json into latest/; returns the suites copied. */
export function promoteFresh(): string[] {
  const dir = resultsDir();
  const latest = latestDir();
  mkdirSync(latest, { recursive: true });
  const copied: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const target = `${latest}${file}`;
    const fresh = statSync(`${dir}${file}`).mtimeMs;
    if (existsSync(target) && statSync(target).mtimeMs >= fresh) continue;
    const parsed = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as Partial<BenchResult>;
    // Only files in the shared envelope belong to the report.
    if (typeof parsed.suite !== 'string' || !Array.isArray(parsed.rows)) continue;
    copyFileSync(`${dir}${file}`, target);
    copied.push(parsed.suite);
  }
  return copied;
}

/** Every result in latest/, in the report's suite order (unknown suites last, by name). */
export function loadResults(order: readonly string[]): BenchResult[] {
  const latest = latestDir();
  if (!existsSync(latest)) return [];
  const results = readdirSync(latest)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(`${latest}${f}`, 'utf8')) as BenchResult);
  const rank = (s: string) => {
    const i = order.indexOf(s);
    return i < 0 ? order.length : i;
  };
  return results.sort((a, b) => rank(a.suite) - rank(b.suite) || a.suite.localeCompare(b.suite));
}
