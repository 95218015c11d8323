// Size budgets of the built package (dist/), checked by `npm run check:package` (part of
// `npm test`): minified and gzipped, as an app's bundler would ship them. The peers
// (@supabase/supabase-js, react and its subpaths, from package.json) are the app's and left out;
// so is react-dom. The kit's own dependencies (zustand, use-sync-external-store) count. Limits are ratchets at the measured size rounded up to the next
// 0.5 kB: they stop growth; the targets of issue 8 are in the comments, and the README states the
// misses.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('./', import.meta.url));
const DIST = `${ROOT}dist/`;
const APP_PROVIDED = ['react-dom'];
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const PEERS = [...Object.keys(pkg.peerDependencies), ...APP_PROVIDED];

/** An esbuild plugin that leaves out the relative imports `skip(file)` names. */
const leaveOut = (name, skip) => ({
  name,
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, ({ path, importer }) => {
      const file = resolve(dirname(importer), path);
      return skip(file) ? { path: file, external: true } : undefined;
    });
  },
});

/** size-limit's esbuild config with `plugin` added. */
const withPlugin = (plugin) => (config) => ({
  ...config,
  plugins: [...(config.plugins ?? []), plugin],
});

/**
 * Leaves out the core and React modules, so a components row measures only what the components
 * add on top of them.
 */
const coreAndReactExternal = leaveOut(
  'core-and-react-external',
  (file) => file.startsWith(`${DIST}core/`) || file.startsWith(`${DIST}react/`),
);

/**
 * The dist/ modules that put bytes into an app importing `createPresence` (esbuild, tree-shaken),
 * so a feature's row can leave them out and measure what importing the feature adds.
 */
async function shippedByCreatePresence() {
  const result = await build({
    stdin: { contents: "export { createPresence } from './dist/index.js';", resolveDir: ROOT },
    bundle: true,
    minify: true,
    format: 'esm',
    external: PEERS,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return new Set(
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => resolve(ROOT, file)),
  );
}

const inCreatePresence = await shippedByCreatePresence();
const onTopOfCreatePresence = withPlugin(
  leaveOut('create-presence-external', (file) => inCreatePresence.has(file)),
);
const onTopOfCoreAndReact = withPlugin(coreAndReactExternal);

/** A row for one import of presence-kit/components, on top of core + react. */
const components = (name, what, limit) => ({
  name: `presence-kit/components: ${name}, on top of core + react`,
  import: { 'dist/components/index.js': what },
  ignore: APP_PROVIDED,
  gzip: true,
  limit,
  modifyEsbuildConfig: onTopOfCoreAndReact,
});

export default [
  {
    name: 'presence-kit + presence-kit/react (all of both)',
    path: 'scripts/size/coreAndReact.js',
    ignore: APP_PROVIDED,
    gzip: true,
    // Target 12 kB (issue 8); measured 36.0 kB: everything, including the pure models and the
    // attestation signer and verifier (the root re-exports presence-kit/identity). 33.8 kB before
    // the live cursors' model and hooks (+1.6 kB) and the red-team bounds (+0.45 kB); 36.01 kB
    // once the cursor interval counted connections and the model asked again on every subscribe.
    limit: '36.5 kB',
  },
  {
    name: 'typical import: createPresence + createPresenceContext',
    import: {
      'dist/index.js': '{ createPresence }',
      'dist/react/index.js': '{ createPresenceContext }',
    },
    ignore: APP_PROVIDED,
    gzip: true,
    // Target 12 kB; measured 22.2 kB: 24.3 kB before the directory and verified identity became
    // imports of their own (21.8 kB), +1.2 kB for the occupant hash trie (updates that do not
    // grow with the room), the socket-only goodbye and the shared rejoin timer, then -1 kB when
    // the engine's private members became ECMAScript #private (minifiers rename those), then
    // +0.15 kB for the faster cold ingest (batch lists, small-table search), then +0.45 kB for
    // the red-team bounds (a keyed second hash for colliding ids, one proof walk per message,
    // the predecessor budget): 22.7 kB, then +0.07 kB for the allocation cuts of the cold ingest: 22.76 kB. Ratchet, not the target (see the README).
    limit: '23 kB',
  },
  {
    name: 'presence-kit (core alone, everything it exports)',
    import: { 'dist/index.js': '*' },
    ignore: APP_PROVIDED,
    gzip: true,
    // No target of its own; measured 30.8 kB (the models, live cursors included, and the
    // identity re-exports).
    limit: '31 kB',
  },
  {
    name: 'presence-kit/directory: whereNowDirectory, on top of createPresence',
    import: { 'dist/directory.js': '{ whereNowDirectory }' },
    ignore: APP_PROVIDED,
    gzip: true,
    // Measured 1.7 kB: what `directory: whereNowDirectory()` adds (with its own rejoining
    // channel); nothing without the import.
    limit: '2 kB',
    modifyEsbuildConfig: onTopOfCreatePresence,
  },
  {
    name: 'presence-kit/identity: verifiedIdentity, on top of createPresence',
    import: { 'dist/core/identity/index.js': '{ verifiedIdentity }' },
    ignore: APP_PROVIDED,
    gzip: true,
    // Measured 2.5 kB: the verifier, the session key, signed tracks and the identity gate that
    // holds unchecked metas back; nothing without the import.
    limit: '3 kB',
    modifyEsbuildConfig: onTopOfCreatePresence,
  },
  {
    name: 'presence-kit/components (all), on top of core + react',
    import: { 'dist/components/index.js': '*' },
    ignore: APP_PROVIDED,
    gzip: true,
    // Target 8 kB (issue 8), met: measured 7.3 kB with LiveCursors. It was 17.1 kB while PresenceList used
    // @tanstack/react-virtual (about 10 kB); its fixed-height rows now use useFixedRowWindow.
    limit: '8 kB',
    modifyEsbuildConfig: onTopOfCoreAndReact,
  },
  // Per component: what one import adds on top of core + react (shared parts such as Avatar are
  // counted in each row that uses them).
  components('OnlineAvatars alone', '{ OnlineAvatars }', '2 kB'),
  components('TypingIndicator alone', '{ TypingIndicator }', '1 kB'),
  components('MicSeats alone', '{ MicSeats }', '3 kB'),
  components('ConnectionStatus alone', '{ ConnectionStatus }', '0.5 kB'),
  components('PresenceList alone', '{ PresenceList }', '3 kB'),
  components('LiveCursors alone', '{ LiveCursors }', '1 kB'),
];
