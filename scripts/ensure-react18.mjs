#!/usr/bin/env node
// Installs the React 18 fixture (test/react18/package.json, pinned by its own lockfile) that the
// `react18` vitest project aliases react and react-dom to. Does nothing when the installed copies
// already match the pinned versions, so `npm test` pays for it once.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../test/react18/', import.meta.url));

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The first package whose installed version is not the pinned one, or `null` when all match. */
function outOfDate() {
  const wanted = readJson(`${FIXTURE}package.json`).dependencies ?? {};
  for (const [name, version] of Object.entries(wanted)) {
    const installed = `${FIXTURE}node_modules/${name}/package.json`;
    if (!existsSync(installed)) return `${name} is missing`;
    const actual = readJson(installed).version;
    if (actual !== version) return `${name} is ${actual}, not ${version}`;
  }
  return null;
}

const reason = outOfDate();
if (reason !== null) {
  console.log(`[presence-kit] installing the React 18 test fixture (${reason})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { status } = spawnSync(npm, ['ci', '--prefix', 'test/react18', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (status !== 0) process.exit(status ?? 1);
}
