// Screenshots one story of the built Storybook (storybook-static/, from `npm run build-storybook`)
// in Debian's Chromium through playwright-core: a tiny static server on 127.0.0.1 (port 0), the
// Storybook UI at 1280×800, a wait until the story shows what it should, then a PNG.
//
//   npx tsx .storybook/screenshot.ts [story-id] [out.png] [css selector to wait for]
//
// Nothing leaves the machine: the server binds loopback, the stories run on the in-page server.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

const root = resolve('storybook-static');
const [storyId = 'compositions-voice-room--live', out = 'docs/storybook.png', ready = '.pk-seats'] =
  process.argv.slice(2);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first');
  process.exit(1);
}

/** Serves storybook-static/ read-only; paths outside it are 404. */
function serve(request: IncomingMessage, response: ServerResponse): void {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

const server = createServer(serve);
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const { port } = server.address() as AddressInfo;
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/?path=/story/${storyId}`);
  const story = page.frameLocator('#storybook-preview-iframe');
  await story.locator(ready).first().waitFor({ timeout: 120_000 });
  // Scripted users keep arriving for a moment after the first render: let the room fill.
  await page.waitForTimeout(8000);
  await mkdir(dirname(resolve(out)), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`story ${storyId} → ${out}`);
} finally {
  await browser.close();
  server.close();
}
