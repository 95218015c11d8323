import { chromium, type Browser } from 'playwright-core';

/** The browser the suites drive: CHROMIUM_PATH, else Debian's (scripts/findChromium.mjs finds it for npm test). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium with the flags every browser suite here uses (no sandbox in containers, no downloads). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}
