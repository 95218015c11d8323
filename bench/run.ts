/**
 * `npm run bench`: every suite, one after the other, each in its own process (so no suite's
 * heap, JIT state or child processes disturb the next), then the report (bench/RESULTS.md).
 * BENCH_ONLY=wire,core runs some; a suite whose file is absent is skipped with a line. The whole
 * run is meant to fit in ~10 minutes on a 2-core box, so two knobs default lower here than when
 * a suite runs alone (BENCH_REPEAT=2 for the server's fan-out, BENCH_ITER_SCALE=0.5 for the
 * engine); set them to override. Other environment knobs pass through.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SUITES: Array<[name: string, file: string]> = [
  ['bundle', 'bundle.bench.ts'],
  ['wire', 'wire.bench.ts'],
  ['memory', 'memory.bench.ts'],
  ['core', 'core.bench.ts'],
  ['server', 'server.bench.ts'],
  ['ui', 'ui/ui.bench.ts'],
  ['e2e', 'e2e/e2e.bench.ts'],
];

const env = { BENCH_REPEAT: '2', BENCH_ITER_SCALE: '0.5', ...process.env };

function run(file: string): Promise<number> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const started = performance.now();
const failed: string[] = [];
for (const [name, file] of SUITES) {
  if (only && !only.includes(name)) continue;
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
    console.log(`\n=== ${name}: bench/${file} not found, skipped ===`);
    continue;
  }
  const t0 = performance.now();
  console.log(`\n=== ${name} (bench/${file}) ===`);
  const code = await run(file);
  console.log(`=== ${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s ===`);
  if (code !== 0) {
    console.error(`bench/${file} exited with ${String(code)}`);
    failed.push(name);
  }
}
await run('report/report.ts');
console.log(
  `\nbench: ${((performance.now() - started) / 1000).toFixed(0)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length === 0 ? 0 : 1);
