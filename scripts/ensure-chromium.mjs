#!/usr/bin/env node
// Browser tests drive Debian's Chromium through playwright-core; no test tool may download a
// browser of its own. This installs the Debian package when it is missing (root on CI and dev
// machines), and tells the user what to do otherwise.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM_PATH)) process.exit(0);

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const run = (cmd, args) =>
  execFileSync(asRoot ? cmd : 'sudo', asRoot ? args : [cmd, ...args], { stdio: 'inherit' });
try {
  console.log(`[presence-kit] ${CHROMIUM_PATH} not found: installing Debian's chromium`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium']);
} catch (error) {
  console.error('[presence-kit] could not install chromium; run: apt-get install -y chromium');
  throw error;
}
