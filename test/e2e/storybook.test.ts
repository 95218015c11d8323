// The built Storybook (storybook-static, built here when missing) in Chromium: the manager loads,
// and every story in its index.json renders in the preview iframe and plays to the end without a
// console error, twice: once on load, once more on a remount (the Interactions panel's rerun).
// The built Storybook runs React without act(), unlike the Vitest story run, so only here does a
// play function meet the canvas exactly as someone browsing the Storybook does.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { LOAD_MS, PageSet } from './support/pages.js';
import { serveStatic } from './support/staticServer.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STATIC = `${ROOT}storybook-static`;
const INDEX = `${STATIC}/index.json`;
const BUILD_MS = 300_000;
/** One story's render and play function on a loaded two-core machine (the story project's 90 s). */
const PLAY_MS = 90_000;

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

interface StoryRuns {
  /** What the preview's channel reported, in order: `finished: <status>` or `play threw: …`. */
  __storyRuns?: string[];
  __STORYBOOK_ADDONS_CHANNEL__?: {
    on(event: string, listener: (payload: unknown) => void): void;
    emit(event: string, payload: unknown): void;
  };
}

/** Runs in the preview before Storybook does: records each run's end and any play failure. */
function recordStoryRuns(): void {
  const win = window as unknown as StoryRuns;
  const runs: string[] = (win.__storyRuns = []);
  const hook = (): void => {
    const channel = win.__STORYBOOK_ADDONS_CHANNEL__;
    if (channel === undefined) return void setTimeout(hook, 5);
    channel.on('playFunctionThrewException', (error) =>
      runs.push(`play threw: ${(error as { message?: string }).message ?? ''}`),
    );
    channel.on('storyFinished', (event) =>
      runs.push(`finished: ${(event as { status?: string }).status ?? ''}`),
    );
  };
  hook();
}

/** Waits until the preview has finished `count` story runs; returns everything it recorded. */
async function storyRuns(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction(
    (n) =>
      ((window as unknown as StoryRuns).__storyRuns ?? []).filter((r) => r.startsWith('finished'))
        .length >= n,
    count,
    { timeout: PLAY_MS },
  );
  return page.evaluate(() => [...((window as unknown as StoryRuns).__storyRuns ?? [])]);
}

/** Every story (not docs page) of the built index. */
function stories(): IndexEntry[] {
  const index = JSON.parse(readFileSync(INDEX, 'utf8')) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

describe('built Storybook in Chromium', () => {
  it(
    'loads, and every story renders and plays, and plays again on a rerun, without console errors',
    { timeout: 900_000 },
    async () => {
      const all = stories();
      expect(all.length).toBeGreaterThan(0);
      const base = site?.url ?? '';
      const manager = await pages.open(base, 'manager');
      await manager.locator('#storybook-explorer-tree').waitFor({ timeout: LOAD_MS });
      const failed: string[] = [];
      const page = await pages.open(`${base}iframe.html`, 'preview', async (p) => {
        await p.addInitScript(recordStoryRuns);
      });
      for (const story of all) {
        const before = pages.errors.length;
        await page.goto(`${base}iframe.html?id=${story.id}&viewMode=story`);
        await storyRuns(page, 1);
        // A rerun in the same tab: whatever the first run left behind (sessionStorage, say)
        // must not change how the story plays.
        await page.evaluate(
          (storyId) =>
            (window as unknown as StoryRuns).__STORYBOOK_ADDONS_CHANNEL__?.emit('forceRemount', {
              storyId,
            }),
          story.id,
        );
        const runs = await storyRuns(page, 2);
        const shownError = await page.evaluate(() =>
          document.body.classList.contains('sb-show-errordisplay'),
        );
        const bad = runs.filter((run) => run !== 'finished: success');
        if (shownError || bad.length > 0 || pages.errors.length > before)
          failed.push(`${story.title} / ${story.name}: ${bad.join('; ')}`);
      }
      expect(failed, `stories that failed: ${pages.errors.join('\n')}`).toEqual([]);
      expect(await pages.closeAll(), 'browser console errors').toEqual([]);
    },
  );
});
