#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end suite alone (the playground and the built Storybook in
// Chromium), the same tests `npm test` runs as its `e2e` project. It finds a Chromium the way
// `npm test` does (scripts/findChromium.mjs); without one it fails with the reason, since a
// browser suite asked for by name has nothing else to run. Arguments go to vitest.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './findChromium.mjs';

const chromium = ensureChromium();
if (chromium.path === undefined) {
  console.error(
    `[presence-kit] test:e2e needs a Chromium: ${chromium.reason}. Install Chromium ` +
      '(Debian: apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium.',
  );
  process.exit(1);
}
const vitestBin = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(
  process.execPath,
  [vitestBin, 'run', '--project', 'e2e', ...process.argv.slice(2)],
  {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium.path },
  },
);
process.exit(result.status ?? 1);
