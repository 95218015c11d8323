/**
 * Builds one bundle case with esbuild the way the package's size budgets do (bundle, minify,
 * tree-shake, ESM; see .size-limit.js), and measures its JavaScript minified and gzipped. CSS an
 * entry pulls in is measured apart. The kit resolves from src/ (not dist/), the peers from
 * bench/peers/node_modules; react, react-dom and supabase-js stay external for every case.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { entrySource, type BundleCase } from './bundleCases.js';

/** What a bundle weighs. */
export interface BundleSize {
  name: string;
  minBytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
  /** Input files that contributed bytes (for the detail JSON). */
  inputs: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the peers are installed (bench/peers/node_modules). */
export const PEERS_DIR = fileURLToPath(new URL('../peers/', import.meta.url));

/** What every case leaves to the app: the same list for the kit and every peer. */
export const EXTERNAL = ['react', 'react/*', 'react-dom', 'react-dom/*', '@supabase/supabase-js'];

const KIT_ENTRIES: Record<string, string> = {
  'presence-kit': `${ROOT}src/index.ts`,
  'presence-kit/react': `${ROOT}src/react/index.ts`,
  'presence-kit/components': `${ROOT}src/components/index.ts`,
};

/** Resolves `presence-kit[/react|/components]` to the source entries. */
const kitFromSource: Plugin = {
  name: 'presence-kit-from-source',
  setup(b) {
    b.onResolve({ filter: /^presence-kit(\/(react|components))?$/ }, ({ path }) => ({
      path: KIT_ENTRIES[path] ?? path,
    }));
  },
};

/** Bundles `c` and returns its sizes. */
export async function measureBundle(c: BundleCase): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entrySource(c), resolveDir: PEERS_DIR, sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // What an app's production build does; some peers keep development-only code behind it.
    define: { 'process.env.NODE_ENV': '"production"' },
    external: c.withSupabase ? EXTERNAL.filter((e) => !e.startsWith('@supabase/')) : EXTERNAL,
    plugins: [kitFromSource],
    outdir: `${PEERS_DIR}.out`,
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  let minBytes = 0;
  let gzipBytes = 0;
  let cssGzipBytes = 0;
  for (const file of result.outputFiles) {
    if (file.path.endsWith('.css')) cssGzipBytes += gzipSync(file.contents).length;
    else if (file.path.endsWith('.js')) {
      minBytes += file.contents.length;
      gzipBytes += gzipSync(file.contents).length;
    }
  }
  const inputs = Object.values(result.metafile.outputs).reduce(
    (n, o) => n + Object.values(o.inputs).filter((i) => i.bytesInOutput > 0).length,
    0,
  );
  return { name: c.name, minBytes, gzipBytes, cssGzipBytes, inputs };
}
