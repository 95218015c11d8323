/**
 * The core benchmark's table without writing bench/results/: for trying a change against the
 * same-run peers (`BENCH_SIZES=10000 npx tsx bench/core/printOnly.ts`; sizes as in
 * `npm run bench:core`, default 10,000). Prints the load average before and after, since the
 * machine is shared.
 */
import { loadavg } from 'node:os';
import { sizesFromEnv } from '../support/stats.js';
import { benchSize } from './benchSize.js';
import { printFooter, printTable } from './printTable.js';

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  console.log(`load before ${load()}`);
  for (const n of sizesFromEnv([10_000])) {
    const { rows, info } = await benchSize(n, () => {});
    printTable(rows, new Map([[n, info.parseMedianMs as number]]));
    printFooter([info]);
  }
  console.log(`load after ${load()}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
