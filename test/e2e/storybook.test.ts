// The built Storybook (storybook-static, built here when missing) in Chromium: the manager loads,
// and every story in its index.json renders in the preview iframe without a console error.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { LOAD_MS, PageSet } from './support/pages.js';
import { serveStatic } from './support/staticServer.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STATIC = `${ROOT}storybook-static`;
const INDEX = `${STATIC}/index.json`;
const BUILD_MS = 300_000;

interface IndexEntry {
  id: string;
  type: string;
  title: string;
  name: string;
}

let browser: Browser | undefined;
let site: { url: string; close: () => Promise<void> } | undefined;
const pages = new PageSet(() => {
  if (browser === undefined) throw new Error('browser not started');
  return browser;
});

beforeAll(async () => {
  if (!existsSync(INDEX)) {
    execFileSync('npm', ['run', 'build-storybook'], { cwd: ROOT, stdio: 'inherit' });
  }
  site = await serveStatic(STATIC);
  browser = await launchChromium();
}, BUILD_MS);

afterAll(async () => {
  await pages.closeAll();
  await browser?.close().catch(() => undefined);
  await site?.close();
});

/** Every story (not docs page) of the built index. */
function stories(): IndexEntry[] {
  const index = JSON.parse(readFileSync(INDEX, 'utf8')) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

describe('built Storybook in Chromium', () => {
  it('loads, and every story renders without console errors', { timeout: 300_000 }, async () => {
    const all = stories();
    expect(all.length).toBeGreaterThan(0);
    const base = site?.url ?? '';
    const manager = await pages.open(base, 'manager');
    await manager.locator('#storybook-explorer-tree').waitFor({ timeout: LOAD_MS });
    const failed: string[] = [];
    const page = await pages.open(`${base}iframe.html`, 'preview');
    for (const story of all) {
      const before = pages.errors.length;
      await page.goto(`${base}iframe.html?id=${story.id}&viewMode=story`);
      // Storybook marks the body when a story has rendered (and its play function finished) or failed.
      await page.waitForFunction(
        () =>
          document.body.classList.contains('sb-show-main') ||
          document.body.classList.contains('sb-show-errordisplay'),
        undefined,
        { timeout: LOAD_MS },
      );
      const shownError = await page.evaluate(() =>
        document.body.classList.contains('sb-show-errordisplay'),
      );
      if (shownError || pages.errors.length > before) failed.push(`${story.title} / ${story.name}`);
    }
    expect(failed, `stories that failed: ${pages.errors.join('\n')}`).toEqual([]);
    expect(await pages.closeAll(), 'browser console errors').toEqual([]);
  });
});
