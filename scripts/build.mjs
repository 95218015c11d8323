#!/usr/bin/env node
// `npm run build`: the published package in dist/.
//  - JavaScript: esbuild compiles every src/ module to one ESM file of its own (no bundling), so
//    an app's bundler tree-shakes module by module and nothing is duplicated between subpaths.
//    Every module of presence-kit/react and presence-kit/components starts with 'use client'
//    (the entry alone would do for a plain import; per module also covers bundlers that rewrite
//    barrel imports to deep ones).
//  - Types: tsc emits .d.ts only, with `@internal` members stripped (tsconfig.build.json).
//  - CSS: src/components/styles.css and its @imports bundled into dist/styles.css.
//  - No source maps: the sources are not shipped, so a map would point at nothing.
// `node scripts/build.mjs --js-into <dir>` writes only the JavaScript, into <dir> (the bundle test
// builds its own copy, so it never reads a stale dist/ or races another build of it).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
/** Folders under src/ whose modules are React client code. */
const CLIENT_DIRS = ['react', 'components'];

/** Every TypeScript module under src/, as paths relative to the repository root. */
function sourceModules(dir = SRC) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceModules(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isClient = (path) => CLIENT_DIRS.includes(relative(SRC, path).split(sep)[0] ?? '');

/** Options every JS build shares: one output file per module, ESM, modern syntax. */
const jsOptions = {
  outbase: SRC,
  outdir: DIST,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  jsx: 'automatic',
  bundle: false,
  sourcemap: false,
  logLevel: 'warning',
};

/** Compiles every src/ module into `outdir` as dist/ has it (JavaScript only). */
async function buildJavaScript(outdir) {
  const modules = sourceModules();
  const options = { ...jsOptions, outdir };
  await Promise.all([
    build({ ...options, entryPoints: modules.filter((m) => !isClient(m)) }),
    build({ ...options, entryPoints: modules.filter(isClient), banner: { js: "'use client';" } }),
  ]);
  return modules.length;
}

/** The whole build: JavaScript, CSS, then the types. */
async function main() {
  rmSync(DIST, { recursive: true, force: true });
  const [count] = await Promise.all([
    buildJavaScript(DIST),
    build({
      entryPoints: [join(SRC, 'components/styles.css')],
      outfile: join(DIST, 'styles.css'),
      bundle: true,
      logLevel: 'warning',
    }),
  ]);
  // Types last, so a type error still leaves a complete dist/ to inspect (and fails the build).
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (tsc.status !== 0) {
    console.error(
      'build: tsc failed (the JavaScript and CSS are in dist/, the types may be incomplete)',
    );
    process.exit(tsc.status ?? 1);
  }
  console.log(`built dist/: ${count} modules, their .d.ts, and styles.css`);
}

const [flag, into] = process.argv.slice(2);
if (flag === '--js-into' && into) await buildJavaScript(into);
else await main();
