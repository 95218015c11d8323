#!/usr/bin/env node
// Prints the vitest projects as JSON, `[{ "name", "browser" }]`, on its last line: what
// scripts/test.mjs needs to choose the projects to run. Resolves the configuration and runs no
// test. A child process of its own, so the configuration's load-time warnings, which `vitest run`
// prints again anyway, are not shown twice.
import process from 'node:process';
import { createVitest } from 'vitest/node';

/** Projects that launch Chromium from Node rather than through Vitest's browser mode. */
const NODE_DRIVEN_BROWSER_PROJECTS = new Set(['e2e']);

const vitest = await createVitest('test', { watch: false, run: true }, { logLevel: 'silent' }, {});
try {
  const projects = vitest.projects.map((project) => ({
    name: project.name,
    browser: project.config.browser.enabled || NODE_DRIVEN_BROWSER_PROJECTS.has(project.name),
  }));
  process.stdout.write(`\n${JSON.stringify(projects)}\n`);
} finally {
  await vitest.close();
}
