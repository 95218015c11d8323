#!/usr/bin/env node
// The browser suites drive a Chromium through playwright-core; no tool here downloads a browser
// of its own. This finds one already on the machine and, as root on Debian with apt-get, installs
// Debian's `chromium`. Anywhere else (macOS, Fedora, non-root Debian) it installs nothing and says
// so: scripts/test.mjs then skips the browser suites. Run directly, it prints what it found.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/** System browsers, in the order they are tried after CHROMIUM_PATH. */
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Where a Playwright browser lives inside its `chromium-NNNN` folder, per platform. */
const PLAYWRIGHT_EXECUTABLES = [
  'chrome-linux64/chrome',
  'chrome-linux/chrome',
  'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium',
  'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
];

/** Playwright's browser caches: PLAYWRIGHT_BROWSERS_PATH, then its Linux and macOS defaults. */
function playwrightCaches() {
  const home = homedir();
  return [
    process.env.PLAYWRIGHT_BROWSERS_PATH,
    join(home, '.cache', 'ms-playwright'),
    join(home, 'Library', 'Caches', 'ms-playwright'),
  ].filter((dir) => dir !== undefined && dir !== '' && dir !== '0' && existsSync(dir));
}

/** The newest `chromium-NNNN` browser an earlier `playwright install` left, if any. */
function playwrightChromium() {
  for (const cache of playwrightCaches()) {
    const builds = readdirSync(cache)
      .filter((name) => /^chromium-\d+$/.test(name))
      .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
    for (const build of builds) {
      const found = PLAYWRIGHT_EXECUTABLES.map((exe) => join(cache, build, exe)).find(existsSync);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * A Chromium to launch: `{ path, source }`, or `{ reason }` when there is none. CHROMIUM_PATH,
 * when set, is the only candidate: a typo should not quietly test another browser.
 */
export function findChromium() {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted !== undefined && wanted !== '') {
    if (existsSync(wanted)) return { path: wanted, source: 'CHROMIUM_PATH' };
    return { reason: `CHROMIUM_PATH=${wanted} does not exist` };
  }
  const system = SYSTEM_PATHS.find(existsSync);
  if (system !== undefined) return { path: system, source: 'system' };
  const playwright = playwrightChromium();
  if (playwright !== undefined) return { path: playwright, source: 'Playwright cache' };
  return { reason: `no Chromium at ${SYSTEM_PATHS.join(' or ')} or in a Playwright cache` };
}

/** Root on Debian with apt-get: the one place this may install a browser without asking. */
function canInstallDebianChromium() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  if (!existsSync('/usr/bin/apt-get') || !existsSync('/etc/os-release')) return false;
  // Debian proper: Ubuntu's `chromium` package is a snap stub that does not work in containers.
  return /^ID="?debian"?$/m.test(readFileSync('/etc/os-release', 'utf8'));
}

/**
 * findChromium(), installing Debian's `chromium` first when that is possible (root, apt-get,
 * Debian) and nothing was found. Never prompts for a password.
 */
export function ensureChromium(log = (line) => process.stderr.write(`${line}\n`)) {
  const found = findChromium();
  if (found.path !== undefined || process.env.CHROMIUM_PATH || !canInstallDebianChromium()) {
    return found;
  }
  log("[presence-kit] no Chromium found: installing Debian's chromium (apt-get, as root)");
  // Another apt run (unattended upgrades, a parallel job) holds the lock for a while at most.
  const apt = (args) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', 'chromium']);
  } catch (error) {
    return { reason: `apt-get install chromium failed (${error.message.split('\n')[0]})` };
  }
  return findChromium();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const found = ensureChromium();
  if (found.path === undefined) {
    console.error(`[presence-kit] ${found.reason}`);
    process.exit(1);
  }
  console.log(`${found.path} (${found.source})`);
}
