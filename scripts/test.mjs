#!/usr/bin/env node
// `npm test`: typecheck, lint, the library build and its package checks, then every vitest
// project; a failed package check (publint, attw, size budgets) fails the run after the tests.
// The browser projects (`e2e`, and Vitest browser-mode ones such as `storybook`) need a Chromium:
// scripts/findChromium.mjs finds one (or installs Debian's as root); without one they are skipped
// with one line saying why, except under CI=true, where that fails the run.
// Arguments after `--` go to vitest: `npm test -- test/core`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './findChromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REACT18 = fileURLToPath(new URL('ensure-react18.mjs', import.meta.url));
const onCi = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI);

/** Runs a command in the repository root, inheriting the terminal; true when it succeeded. */
function succeeds(command, args, env = process.env) {
  return spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env }).status === 0;
}

/** As succeeds(), but a failure ends the run at once. */
function step(command, args, env = process.env) {
  if (!succeeds(command, args, env)) process.exit(1);
}

/** Every vitest project, `{ name, browser }`, from scripts/vitestProjects.mjs (output kept quiet). */
function listProjects() {
  const lister = fileURLToPath(new URL('vitestProjects.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [lister], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    console.error('[presence-kit] could not read the vitest projects (output above)');
    process.exit(1);
  }
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

step('npm', ['run', 'typecheck']);
step('npm', ['run', 'lint']);
step('npm', ['run', 'build']);
// The package checks (publint, attw, size budgets) fail the run at the end, after the tests.
const packageOk = succeeds('npm', ['run', 'check:package']);
// React 18 for the React 18 project, installed into test/react18 when missing.
if (existsSync(REACT18)) step(process.execPath, [REACT18]);

const projects = listProjects();
const browserProjects = projects.filter((p) => p.browser).map((p) => p.name);
const chromium = browserProjects.length > 0 ? ensureChromium() : { reason: 'not needed' };
let missingBrowser;
const env = { ...process.env };
if (chromium.path !== undefined) {
  env.CHROMIUM_PATH = chromium.path;
} else if (browserProjects.length > 0) {
  missingBrowser =
    `${chromium.reason}. Install Chromium (Debian: apt-get install chromium) ` +
    'or set CHROMIUM_PATH=/path/to/chromium to run them.';
  // `storybook (chromium)` is the storybook project's browser instance: name the project.
  const names = browserProjects.map((name) => name.replace(/ \(.*\)$/, ''));
  const suites = `the browser suites (${names.join(', ')})`;
  console.log(
    onCi
      ? `[presence-kit] CI=true: ${suites} cannot run, so this run fails after the others: ${missingBrowser}`
      : `[presence-kit] skipping ${suites}: ${missingBrowser}`,
  );
}

const run = missingBrowser === undefined ? projects : projects.filter((p) => !p.browser);
const filter = run.length === projects.length ? [] : run.flatMap((p) => ['--project', p.name]);
const vitestBin = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const testsOk = succeeds(
  process.execPath,
  [vitestBin, 'run', ...filter, ...process.argv.slice(2)],
  env,
);

const failures = [
  testsOk ? '' : 'vitest',
  packageOk ? '' : 'check:package (see its output above the tests)',
  missingBrowser !== undefined && onCi ? `the browser suites under CI=true: ${missingBrowser}` : '',
].filter(Boolean);
if (failures.length > 0) {
  console.error(`[presence-kit] npm test failed: ${failures.join('; ')}`);
  process.exit(1);
}
