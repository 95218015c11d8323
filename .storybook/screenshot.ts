// Screenshots one story of the built Storybook (storybook-static/, from `npm run build-storybook`)
// in Debian's Chromium through playwright-core: the e2e suite's static server on 127.0.0.1, the
// Storybook UI at 1280×800, a wait until the story shows what it should, then a PNG.
//
//   npx tsx .storybook/screenshot.ts [story-id] [out.png] [css selector to wait for]
//
// Nothing leaves the machine: the server binds loopback, the stories run on the in-page server.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { serveStatic } from '../test/e2e/support/staticServer.js';
import { launchChromium } from '../test/support/chromium.js';

const root = resolve('storybook-static');
const [
  storyId = 'compositions-voice-room--live',
  out = 'docs/storybook.png',
  ready = '.pk-mic-seats',
] = process.argv.slice(2);
if (!existsSync(join(root, 'index.html'))) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first');
  process.exit(1);
}

const server = await serveStatic(root);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}?path=/story/${storyId}`);
  const story = page.frameLocator('#storybook-preview-iframe');
  await story.locator(ready).first().waitFor({ timeout: 120_000 });
  // Scripted users keep arriving for a moment after the first render: let the room fill.
  await page.waitForTimeout(8000);
  await mkdir(dirname(resolve(out)), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`story ${storyId} → ${out}`);
} finally {
  await browser.close();
  await server.close();
}
