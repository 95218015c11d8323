// The main job end to end, as a user sees it: the kit's local Realtime server and the Vite
// playground (what `npm start` runs), driven in Debian's Chromium through playwright-core. Two
// pages are two users: both connect, see each other, see each other's status, and one sees the
// other go when its tab closes. `?offline` shows the scripted bots on the in-page server.
// Every wait polls with a generous timeout; nothing here asserts how fast anything happens.
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRealtimeServer, type RealtimeServer } from '../../src/server/node/index.js';

const HOST = '127.0.0.1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A slow two-core CI machine, with the first page load waiting on Vite's dependency bundling. */
const TEST_TIMEOUT_MS = 90_000;
/** For each expectation: generous, as nothing here measures speed. */
const WAIT_MS = 20_000;

let server: RealtimeServer | undefined;
let vite: ViteDevServer | undefined;
let browser: Browser | undefined;
let baseUrl = '';
const contexts: BrowserContext[] = [];
/** Uncaught page errors and console errors of every page opened by the running test. */
let pageErrors: string[] = [];

/** Starts one thing after another; whatever started is stopped in afterAll, even on failure. */
beforeAll(async () => {
  server = await startRealtimeServer({ host: HOST, port: 0 });
  // playground/src/config.ts reads these through import.meta.env; Vite takes VITE_* from process.env.
  process.env.VITE_SUPABASE_URL = server.url;
  process.env.VITE_SUPABASE_ANON_KEY = server.anonKey;
  vite = await createServer({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    // A dependency cache of its own: `npm start` (a different config hash) re-bundles the shared
    // one, and must not do so under a running test, nor the test under a running playground.
    cacheDir: fileURLToPath(new URL('../../node_modules/.vite/e2e-playground', import.meta.url)),
    server: { host: HOST, port: 0, strictPort: true, open: false },
    logLevel: 'warn',
    clearScreen: false,
  });
  await vite.listen();
  const local = vite.resolvedUrls?.local[0];
  if (local === undefined) throw new Error('vite did not report a local address');
  baseUrl = local;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}, TEST_TIMEOUT_MS);

afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close().catch(() => undefined);
  await vite?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
  delete process.env.VITE_SUPABASE_URL;
  delete process.env.VITE_SUPABASE_ANON_KEY;
}, TEST_TIMEOUT_MS);

afterEach(async () => {
  await Promise.allSettled(contexts.splice(0).map((c) => c.close()));
  const errors = pageErrors;
  pageErrors = [];
  expect(errors, 'browser console errors').toEqual([]);
});

/** A page in a context of its own (its own sessionStorage: its own user), errors recorded. */
async function openPage(query: string): Promise<Page> {
  if (browser === undefined) throw new Error('browser not started');
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (error) => pageErrors.push(`pageerror ${query}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/favicon/i.test(text) || /favicon/i.test(message.location().url)) return;
    pageErrors.push(`console.error ${query}: ${text}`);
  });
  await page.goto(new URL(query, baseUrl).href);
  return page;
}

/** The connection status pill in the header. */
const connection = (page: Page) => page.getByRole('status');
/** The "Who is online" card. */
const whoIsOnline = (page: Page) => page.getByRole('region', { name: /Who is online/ });
/** Someone's row in "Who is online", found by user id (our own row reads "(you)"). */
const personRow = (page: Page, userId: string) =>
  whoIsOnline(page).getByRole('listitem').filter({ hasText: userId });
/** Rows of the event log whose publisher is `userId`. */
const eventsFrom = (page: Page, userId: string) =>
  page.getByRole('log').getByRole('listitem').filter({ hasText: userId });

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: WAIT_MS, interval: 100 });

describe('playground on the local server, in Chromium', () => {
  it(
    'two users see each other, each other’s status, and a closed tab leave',
    async () => {
      // Distinct ids per run: each user is picked by the `user` query parameter.
      const run = Math.random().toString(36).slice(2, 6);
      const alice = `e2e-alice-${run}`;
      const bob = `e2e-bob-${run}`;
      const pageA = await openPage(`/?user=${alice}&name=Alice`);
      const pageB = await openPage(`/?user=${bob}&name=Bob`);

      for (const page of [pageA, pageB]) {
        await expect(page.title()).resolves.toBe('presence-kit playground');
        await poll(() => connection(page).textContent()).toBe('subscribed');
        await page.getByText('local server').waitFor();
      }

      // Each sees the other online, and the room counts two.
      await personRow(pageA, bob).waitFor();
      await personRow(pageB, alice).waitFor();
      await poll(() => personRow(pageA, bob).textContent()).toContain('Bob');
      await poll(() => personRow(pageB, alice).textContent()).toContain('Alice');
      for (const page of [pageA, pageB]) {
        await poll(() => whoIsOnline(page).getByRole('heading').textContent()).toBe(
          'Who is online 2',
        );
      }
      await poll(() => personRow(pageB, alice).textContent()).toContain('Available');

      // Alice turns busy and changes mood (useUserState); Bob's page shows both.
      // The radios are visually hidden inside their labels: click the label, as a user does.
      await pageA.getByRole('group', { name: 'Status' }).getByText('Busy', { exact: true }).click();
      await pageA.getByRole('button', { name: 'Set mood 🔥' }).click();
      await poll(() => pageA.getByRole('radio', { name: 'Busy' }).isChecked()).toBe(true);
      await poll(() => personRow(pageB, alice).textContent()).toContain('Busy');
      await personRow(pageB, alice).getByRole('img', { name: 'mood 🔥' }).waitFor();
      // …and the whoNow pager and the event log on Bob's page agree.
      await poll(() =>
        pageB
          .getByRole('region', { name: /whoNow/ })
          .getByRole('row')
          .filter({ hasText: alice })
          .textContent(),
      ).toContain('"status":"busy"');
      await eventsFrom(pageB, alice).filter({ hasText: 'REMOTE_STATE_CHANGED' }).first().waitFor();

      // Bob closes his tab: after the leave debounce (2 s) he is gone from Alice's page.
      await pageB.close();
      await personRow(pageA, bob).waitFor({ state: 'detached' });
      await poll(() => whoIsOnline(pageA).getByRole('heading').textContent()).toBe(
        'Who is online 1',
      );
      await eventsFrom(pageA, bob)
        .filter({ hasText: /REMOTE_(LEAVE|TIMEOUT)/ })
        .first()
        .waitFor();
      await poll(() => connection(pageA).textContent()).toBe('subscribed');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    '?offline shows the scripted bots on the in-page server',
    async () => {
      const page = await openPage('/?offline&user=e2e-solo&name=Solo');
      await poll(() => connection(page).textContent()).toBe('subscribed');
      await page.getByText('offline, in-page server').waitFor();
      await page.getByText('Scripted users live in this page.').waitFor();
      // Four bots join at once; one comes or goes every 7 s, so at least three are here early on.
      const bots = whoIsOnline(page).getByRole('listitem').filter({ hasText: /bot-/ });
      await poll(() => bots.count()).toBeGreaterThanOrEqual(3);
      await poll(async () => (await bots.allTextContents()).join(' ')).toMatch(
        /Kit|Nova|Pixel|Echo/,
      );
      await personRow(page, '(you)').waitFor();
      // The bots act: some bot's state change reaches the event log.
      await page
        .getByRole('log')
        .getByRole('listitem')
        .filter({ hasText: /bot-/ })
        .filter({ hasText: 'REMOTE_STATE_CHANGED' })
        .first()
        .waitFor();
    },
    TEST_TIMEOUT_MS,
  );
});
