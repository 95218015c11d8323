#!/usr/bin/env node
// `npm run size:why [-- <import>]`: which modules make up a size budget. Bundles an import of the
// built package the way .size-limit.js does (esbuild, minified, peers and react-dom external)
// and lists every input by its minified bytes in the output. It is a ranking: gzip works on the
// whole file, so per-module bytes are before compression.
//   node scripts/sizeContributors.mjs                      everything of core + react
//   node scripts/sizeContributors.mjs "{ createPresence }" "{ createPresenceContext }"
//   add --features to sum the modules by the engine feature they implement (scripts/sizeFeatures.mjs)
//   add --floor to see what property mangling and dropping every string could save at most
//   (scripts/sizeFloor.mjs)
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { byFeature } from './sizeFeatures.mjs';
import { floors } from './sizeFloor.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.peerDependencies ?? {}), 'react-dom'];
const args = process.argv.slice(2);
const features = args.includes('--features');
const floor = args.includes('--floor');
const [coreImport = '*', reactImport = coreImport === '*' ? '*' : undefined] = args.filter(
  (arg) => !arg.startsWith('--'),
);

/** `import … from` lines that keep what they import alive (as size-limit's own entry does). */
function entrySource() {
  const line = (what, file, name) =>
    what === '*'
      ? `import * as ${name} from './dist/${file}'; console.log(${name});`
      : `import ${what} from './dist/${file}'; console.log(${what.replace(/[{}]/g, '')});`;
  return [
    line(coreImport, 'index.js', 'core'),
    reactImport === undefined ? '' : line(reactImport, 'react/index.js', 'react'),
  ].join('\n');
}

const result = await build({
  stdin: { contents: entrySource(), resolveDir: ROOT, sourcefile: 'entry.js' },
  bundle: true,
  minify: true,
  treeShaking: true,
  format: 'esm',
  external,
  metafile: true,
  write: false,
  logLevel: 'warning',
});
const [output] = Object.values(result.metafile.outputs);
const text = result.outputFiles[0]?.text ?? '';
const gzipped = gzipSync(text).length;
console.log(`${entrySource()}\n`);
console.log(
  `total ${output.bytes} B minified, ${gzipped} B gzipped (size-limit subtracts ~46 B of esbuild's empty-project overhead)\n`,
);
const rows = Object.entries(output.inputs)
  .map(([file, { bytesInOutput }]) => [relative(ROOT, file), bytesInOutput])
  .filter(([, bytes]) => bytes > 0)
  .sort((a, b) => b[1] - a[1]);
if (floor) {
  const { asIs, mangled, noStrings, both } = floors(text);
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`gzip as built:                          ${kB(asIs)}`);
  console.log(`every property name mangled (at most):  ${kB(mangled)}`);
  console.log(`every string literal emptied (at most): ${kB(noStrings)}`);
  console.log(`both:                                   ${kB(both)}`);
} else if (features) {
  const modules = rows.filter(([file]) => file !== 'entry.js');
  for (const { name, bytes, share, gzip } of byFeature(modules, gzipped)) {
    const kB = (gzip / 1000).toFixed(1).padStart(5);
    console.log(
      `${kB} kB gzip (est.)  ${String(bytes).padStart(6)} B min  ${(share * 100).toFixed(0).padStart(3)} %  ${name}`,
    );
  }
} else {
  for (const [file, bytes] of rows) console.log(`${String(bytes).padStart(7)}  ${file}`);
}
