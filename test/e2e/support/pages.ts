import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** For page loads and anything not measured: a slow two-core machine bundling on first load. */
export const LOAD_MS = 30_000;
/** Where failure screenshots go (gitignored). */
export const RESULTS_DIR = new URL('../../../test-results/', import.meta.url);

/** Browser contexts (one user each), with every console error and page error they produce. */
export class PageSet {
  readonly errors: string[] = [];
  private readonly contexts: BrowserContext[] = [];
  readonly pages: Page[] = [];

  constructor(private readonly browser: () => Browser) {}

  /** A page in a context of its own (its own sessionStorage: its own user), errors recorded. */
  async open(url: string, label: string, setup?: (page: Page) => Promise<void>): Promise<Page> {
    const context = await this.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    this.contexts.push(context);
    const page = await context.newPage();
    this.pages.push(page);
    page.setDefaultTimeout(LOAD_MS);
    page.on('response', (response) => {
      // Missing static assets only: API answers (realtime, auth) are the tests' business, and the
      // browser's own favicon probe is not the page's error.
      const url = response.url();
      const api = /\/(realtime|auth|rest)\/v1\//.test(url) || url.endsWith('/favicon.ico');
      if (response.status() >= 400 && !api) {
        this.errors.push(`${label} HTTP ${response.status()}: ${url}`);
      }
    });
    page.on('pageerror', (error) => this.errors.push(`${label} pageerror: ${error.message}`));
    page.on('console', (message) => {
      // A missing static asset is logged by Chromium without its URL; the failed response below
      // records it with the URL instead, so the message names what is missing.
      if (message.type() !== 'error' || message.text().startsWith('Failed to load resource'))
        return;
      this.errors.push(`${label} console.error: ${message.text()}`);
    });
    await setup?.(page);
    await page.goto(url);
    return page;
  }

  /** Screenshots of every open page under test-results/, named for the failed test. */
  async screenshotAll(name: string): Promise<void> {
    await mkdir(RESULTS_DIR, { recursive: true });
    const safe = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
    await Promise.allSettled(
      this.pages
        .filter((p) => !p.isClosed())
        .map((p, i) => p.screenshot({ path: new URL(`${safe}-${i}.png`, RESULTS_DIR).pathname })),
    );
  }

  /** Closes every context; returns the errors seen and forgets them. */
  async closeAll(): Promise<string[]> {
    await Promise.allSettled(this.contexts.splice(0).map((c) => c.close()));
    this.pages.length = 0;
    return this.errors.splice(0);
  }
}
