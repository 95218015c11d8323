/**
 * `npm run bench`: the core benchmark, then the server benchmark, one after the other, each in its
 * own process (so neither's heap, JIT state or child processes disturb the other). Environment
 * knobs (BENCH_SIZES, ...) pass through; note that BENCH_SIZES applies to both.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = ['core.bench.ts', 'server.bench.ts'];

function run(file: string): Promise<number> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path], {
      stdio: 'inherit',
      env: process.env,
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let failed = 0;
for (const file of benches) {
  console.log(`\n=== bench/${file} ===`);
  const code = await run(file);
  if (code !== 0) {
    console.error(`bench/${file} exited with ${String(code)}`);
    failed += 1;
  }
}
process.exit(failed === 0 ? 0 : 1);
