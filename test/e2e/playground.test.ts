// The playground as users meet it: the kit's local Realtime server and the Vite playground (what
// `npm run dev` runs), driven in Chromium through playwright-core, one browser context per user.
// Page loads wait generously; what the kit promises (others see you within a second) is asserted
// with a 1 s timeout, counted from when the acting side's own page shows the action done.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { LOAD_MS, PageSet } from './support/pages.js';
import { PlaygroundServers } from './support/playgroundServers.js';
import {
  avatar,
  avatars,
  connection,
  cursorOf,
  events,
  seat,
  typing,
} from './support/playgroundLocators.js';

/** What the kit promises: another user sees a change within this. */
const SEEN_MS = 1_000;
const TEST_MS = 60_000;
const SCREENSHOT = new URL('../../docs/playground.png', import.meta.url);

const servers = new PlaygroundServers();
let browser: Browser | undefined;
const pages = new PageSet(() => {
  if (browser === undefined) throw new Error('browser not started');
  return browser;
});
const run = Math.random().toString(36).slice(2, 6);
/** A distinct user id per run (the `?user=` parameter). */
const userId = (who: string) => `e2e-${who}-${run}`;

beforeAll(async () => {
  await servers.start();
  browser = await launchChromium();
  // The first load has Vite discover and bundle dependencies, then reload the page: done once
  // here, outside any test, so no test sees that reload.
  const warm = await browser.newPage();
  await warm.goto(new URL('/?user=e2e-warmup&name=Warmup', servers.baseUrl).href);
  await connection(warm).getByText('Connected', { exact: true }).waitFor({ timeout: LOAD_MS });
  await warm.waitForLoadState('networkidle');
  await warm.close();
}, TEST_MS);

afterAll(async () => {
  await pages.closeAll();
  await browser?.close().catch(() => undefined);
  await servers.stop();
}, TEST_MS);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await pages.screenshotAll(context.task.name);
  expect(await pages.closeAll(), 'browser console errors').toEqual([]);
});

/** Opens the playground as `name` and waits until it is connected. */
async function join(name: string, setup?: (page: Page) => Promise<void>): Promise<Page> {
  const url = new URL(`/?user=${userId(name)}&name=${name}`, servers.baseUrl).href;
  const page = await pages.open(url, name, setup);
  await expect.poll(() => connection(page).textContent(), { timeout: LOAD_MS }).toBe('Connected');
  return page;
}

describe('playground on the local server, in Chromium', () => {
  it(
    'two users see each other’s avatar, typing, seat and cursor within 1 s',
    { timeout: TEST_MS },
    async () => {
      const alice = await join('Alice');
      const bruno = await join('Bruno');
      // Bruno's page says connected: Alice sees his avatar within a second, and he hers.
      await avatar(alice, 'Bruno').waitFor({ timeout: SEEN_MS });
      await avatar(bruno, 'Alice').waitFor({ timeout: SEEN_MS });

      await alice.getByRole('textbox', { name: 'Message' }).pressSequentially('hello');
      await typing(bruno).getByText('Alice is typing').waitFor({ timeout: SEEN_MS });
      await alice.getByRole('button', { name: 'Send' }).click();
      await bruno
        .getByRole('list', { name: 'Messages' })
        .getByText('hello')
        .waitFor({ timeout: SEEN_MS });
      await typing(bruno)
        .getByText('Alice is typing')
        .waitFor({ state: 'detached', timeout: SEEN_MS });

      await alice.getByRole('button', { name: 'Seat 2, empty' }).click();
      await seat(alice, 2, 'Alice').waitFor({ timeout: LOAD_MS });
      await seat(bruno, 2, 'Alice').waitFor({ timeout: SEEN_MS });
      // The page's own button rules sit in a lower cascade layer than the kit's: the seat's menu
      // button keeps the kit's look, and its glyph stays off the round avatar (an unlayered
      // `button {}` gave it a border and padding that covered the avatar's edge).
      const taken = alice.locator('.pk-mic-seats__seat').nth(1);
      const menu = taken.locator('.pk-mic-seats__menu-button');
      expect(await menu.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('0px');
      const [glyph, ring] = await Promise.all([
        menu.locator('svg').boundingBox(),
        taken.locator('.pk-mic-seats__ring').boundingBox(),
      ]);
      if (glyph === null || ring === null) throw new Error('seat 2 is not laid out');
      const [cx, cy, r] = [ring.x + ring.width / 2, ring.y + ring.height / 2, ring.width / 2];
      const nearestX = Math.min(Math.max(cx, glyph.x), glyph.x + glyph.width);
      const nearestY = Math.min(Math.max(cy, glyph.y), glyph.y + glyph.height);
      expect(Math.hypot(nearestX - cx, nearestY - cy), 'menu glyph on the avatar').toBeGreaterThan(
        r,
      );

      // Alice's pointer on the whiteboard shows on Bruno's where she put it, and goes when she
      // leaves the board.
      const board = alice.locator('.pk-live-cursors');
      await board.scrollIntoViewIfNeeded();
      await bruno.locator('.pk-live-cursors').scrollIntoViewIfNeeded();
      const box = await board.boundingBox();
      if (box === null) throw new Error('the whiteboard is not on the page');
      await alice.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
      const cursor = cursorOf(bruno, 'Alice');
      await cursor.waitFor({ timeout: SEEN_MS });
      const at = (axis: 'x' | 'y') =>
        cursor.evaluate(
          (el, a) => Number(getComputedStyle(el).getPropertyValue(`--pk-cursor-${a}`)),
          axis,
        );
      await expect.poll(() => at('x'), { timeout: SEEN_MS }).toBeCloseTo(0.25, 2);
      expect(await at('y')).toBeCloseTo(0.5, 2);
      await alice.mouse.move(box.x + box.width * 0.5, box.y - 40);
      await cursor.waitFor({ state: 'detached', timeout: SEEN_MS });

      // The waver sees their own wave.
      await bruno.getByRole('button', { name: 'Wave' }).click();
      await bruno.getByRole('list', { name: 'Messages' }).getByText('You').last().waitFor();
      await alice
        .getByRole('list', { name: 'Messages' })
        .getByText('Bruno')
        .waitFor({ timeout: SEEN_MS });

      // Emoji never show as boxes: without a colour emoji font they are hidden, words kept.
      const emoji = bruno.locator('.emoji').first();
      const mode = await bruno.evaluate(
        () => document.documentElement.dataset['emoji'] ?? 'colour',
      );
      if (mode === 'text') await expect.poll(() => emoji.isHidden()).toBe(true);
      else await expect.poll(() => emoji.isVisible()).toBe(true);

      // Simulated users fill the room; the README's screenshot shows two people and the bots.
      await alice.getByRole('button', { name: 'Add 3' }).click();
      await expect.poll(() => avatars(bruno).count(), { timeout: LOAD_MS }).toBe(5);
      await alice.getByRole('button', { name: 'Seat 5, empty' }).waitFor();
      await bruno
        .getByRole('button', { name: /^Seat \d, (?!empty)(?!Alice)/ })
        .first()
        .waitFor({ timeout: LOAD_MS });
      await mkdir(new URL('.', SCREENSHOT), { recursive: true });
      await alice.screenshot({ path: SCREENSHOT.pathname, fullPage: true });
    },
  );

  for (const blocked of [false, true]) {
    // A leaver of its own per variant, so one variant's leave can never answer the other's.
    const leaver = blocked ? 'Celia' : 'Carmen';
    const how = blocked ? 'with the REST broadcast route blocked' : 'with every route open';
    it(`a closed tab shows as a leave, not a timeout, ${how}`, { timeout: TEST_MS }, async () => {
      const alice = await join('Alice');
      const rest: string[] = [];
      const carmen = await join(leaver, async (page) => {
        page.on('request', (r) => r.url().includes('/api/broadcast') && rest.push(r.url()));
        if (blocked) await page.route('**/realtime/v1/api/broadcast**', (route) => route.abort());
      });
      await avatar(alice, leaver).waitFor({ timeout: SEEN_MS });
      await carmen.close({ runBeforeUnload: true });
      // After the leave grace period (2 s) Carmen is gone from Alice's page, as a leave.
      await events(alice, userId(leaver), 'REMOTE_LEAVE').first().waitFor({ timeout: LOAD_MS });
      await avatar(alice, leaver).waitFor({ state: 'detached' });
      expect(await events(alice, userId(leaver), 'REMOTE_TIMEOUT').count()).toBe(0);
      // The goodbye went out on the socket: no REST fallback (and no deprecation warning for it).
      expect(rest).toEqual([]);
    });
  }

  it(
    'both users recover the same room after a server restart, with no duplicate avatars',
    { timeout: TEST_MS },
    async () => {
      const alice = await join('Alice');
      const bruno = await join('Bruno');
      await avatar(alice, 'Bruno').waitFor({ timeout: SEEN_MS });
      await servers.restartRealtime();
      for (const page of [alice, bruno]) {
        await expect
          .poll(() => connection(page).textContent(), { timeout: LOAD_MS })
          .toBe('Connected');
      }
      await avatar(alice, 'Bruno').waitFor({ timeout: LOAD_MS });
      await avatar(bruno, 'Alice').waitFor({ timeout: LOAD_MS });
      for (const page of [alice, bruno]) {
        await expect.poll(() => avatars(page).count(), { timeout: LOAD_MS }).toBe(2);
        await expect
          .poll(() => page.getByRole('region', { name: 'People' }).getByText('Online 2').count())
          .toBe(1);
      }
    },
  );
});
