/**
 * The one Chromium every browser run here uses: the Storybook project (Vitest browser mode), the
 * Storybook screenshot script, the e2e suites and the browser benchmarks. It is the system's
 * browser, never a downloaded one: Debian's `/usr/bin/chromium`, or `CHROMIUM_PATH`
 * (scripts/findChromium.mjs sets that for `npm test` when the browser lives elsewhere).
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Where the browser is: `CHROMIUM_PATH` when set, else Debian's. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/**
 * Headless flags for a container: no sandbox (no user namespaces there), no GPU, and none of the
 * background fetches, component updates or first-run pages that would reach the network.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Launches that browser headless through playwright-core. `options` are passed on to
 * `chromium.launch`; their `args` come after the project's flags rather than replacing them.
 */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: options.executablePath ?? CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
