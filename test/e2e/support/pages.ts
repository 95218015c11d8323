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
    page.on('pageerror', (error) => this.errors.push(`${label} pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`${label} console.error: ${message.text()}`);
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
