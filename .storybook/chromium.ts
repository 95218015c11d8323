/**
 * Debian's Chromium, the one browser the stories run in (Vitest browser mode and the screenshot
 * script); nothing here downloads a browser. `CHROMIUM_PATH` overrides the location.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless flags for a sandbox-less CI box with no GPU and no network to phone home to. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
