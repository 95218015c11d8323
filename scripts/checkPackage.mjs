#!/usr/bin/env node
// `npm run check:package` (part of `npm test`, after `npm run build`): what an app installing
// presence-kit gets. Every check runs, the failures are listed at the end:
//   dist      each subpath's .js and .d.ts, 'use client' on the React entries, styles.css, no
//             source maps, no JavaScript importing CSS (an app imports presence-kit/styles.css)
//   node      every JavaScript subpath imports in plain Node (ESM, through the exports map)
//   types     the .d.ts type-check from an app's side (NodeNext, skipLibCheck off), so a type
//             stripped as @internal but still referenced fails here
//   publint, attw (--profile esm-only), size-limit (the table of .size-limit.js)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules/.bin');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const CLIENT_ENTRIES = ['./react', './components'];

/** The exports map's JavaScript subpaths: `[subpath, { types, default }]`. */
const jsEntries = Object.entries(pkg.exports).filter(([, target]) => typeof target === 'object');

/** Every file under a directory, relative to the repository root. */
function filesUnder(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** The layout checks, in this process. Returns the problems found. */
function checkDist() {
  const problems = [];
  for (const [subpath, target] of jsEntries) {
    for (const file of [target.types, target.default]) {
      if (!existsSync(join(ROOT, file))) problems.push(`${subpath}: ${file} is missing`);
    }
    const js = join(ROOT, target.default);
    const client = existsSync(js) && readFileSync(js, 'utf8').startsWith("'use client';");
    if (CLIENT_ENTRIES.includes(subpath) && !client) {
      problems.push(`${subpath}: ${target.default} does not start with 'use client'`);
    }
  }
  if (!existsSync(join(ROOT, pkg.exports['./styles.css'])))
    problems.push('dist/styles.css is missing');
  for (const file of filesUnder('dist')) {
    if (file.endsWith('.map'))
      problems.push(`${file}: source maps would point at unshipped sources`);
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(ROOT, file), 'utf8');
    if (text.includes('sourceMappingURL')) problems.push(`${file}: has a sourceMappingURL`);
    if (/\bimport\s*(?:[^'"]*from\s*)?['"][^'"]+\.css['"]/.test(text)) {
      problems.push(`${file}: imports CSS (apps import presence-kit/styles.css themselves)`);
    }
  }
  return problems;
}

/** Runs a command in the root; prints its output only when `quiet` is off or it failed. */
function run(command, args, { quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
  });
  if (quiet && result.status !== 0) process.stdout.write(`${result.stdout}${result.stderr}`);
  return result.status === 0;
}

/** Imports every JavaScript subpath by its package name in a fresh Node process. */
function checkNodeImports() {
  const names = jsEntries.map(([subpath]) =>
    subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`,
  );
  const source = `for (const name of ${JSON.stringify(names)}) await import(name);`;
  return run(process.execPath, ['--input-type=module', '-e', source], { quiet: true });
}

/** Type-checks an app-side file importing every subpath, from a folder inside the package. */
function checkTypes() {
  const dir = join(ROOT, 'node_modules/.cache/presence-kit-types');
  mkdirSync(dir, { recursive: true });
  const lines = jsEntries.map(([subpath], i) => {
    const name = subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`;
    return `import * as entry${i} from '${name}';\nexport const value${i} = entry${i};`;
  });
  writeFileSync(join(dir, 'app.ts'), `${lines.join('\n')}\n`);
  const compilerOptions = {
    strict: true,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    jsx: 'react-jsx',
    types: ['node'],
    skipLibCheck: false,
    noEmit: true,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['app.ts'] }));
  return run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir]);
}

const checks = [
  [
    'dist',
    () => {
      const problems = checkDist();
      for (const problem of problems) console.log(`  ${problem}`);
      return problems.length === 0;
    },
  ],
  ['node imports', checkNodeImports],
  ['types', checkTypes],
  ['publint', () => run(join(BIN, 'publint'), ['--strict'])],
  [
    'attw',
    () =>
      run(join(BIN, 'attw'), [
        '--pack',
        '.',
        '--profile',
        'esm-only',
        '--exclude-entrypoints',
        './styles.css',
        '--format',
        'table-flipped',
      ]),
  ],
  ['size-limit', () => run(join(BIN, 'size-limit'), [])],
];

const failed = [];
for (const [name, check] of checks) {
  console.log(`\n── ${name}`);
  const ok = check();
  console.log(ok ? `   ${name}: ok` : `   ${name}: FAILED`);
  if (!ok) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\ncheck:package failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\ncheck:package: all checks passed');
