/**
 * `npm run bench:bundle`: what the kit adds to an app's JavaScript, minified and gzipped, side by
 * side with the presence products a user would otherwise pick, all bundled the same way by
 * esbuild (bundle/measureBundle.ts) with the same externals (react, react-dom, supabase-js).
 * The peers come from bench/peers (installed there on first run). CSS is measured apart.
 * Results: bench/results/bundle.json.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { KIT, PEERS } from './bundle/bundleCases.js';
import { measureBundle, PEERS_DIR, type BundleSize } from './bundle/measureBundle.js';
import { ensurePeers } from './support/ensurePeers.js';
import { readMachine, writeResult, type BenchRow } from './support/result.js';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** A CSS file bundled (its @imports inlined) and minified, gzipped. */
async function cssGzip(path: string): Promise<number> {
  const out = await build({
    entryPoints: [path],
    bundle: true,
    minify: true,
    write: false,
    outdir: `${PEERS_DIR}.out`,
    logLevel: 'error',
  });
  return out.outputFiles.reduce((n, f) => n + gzipSync(f.contents).length, 0);
}

function row(group: string, kit: BundleSize, peer?: { name: string; size: BundleSize }): BenchRow {
  return {
    group,
    name: peer ? `${kit.name} vs ${peer.name}` : kit.name,
    value: kit.gzipBytes,
    unit: 'B',
    ...(peer && { peer: peer.name, peerValue: peer.size.gzipBytes }),
    note: peer
      ? `min ${kB(kit.minBytes)} vs ${kB(peer.size.minBytes)}; peer bundle: ${peer.size.name}`
      : `min ${kB(kit.minBytes)}`,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = readMachine();
  ensurePeers();
  const kit = {
    core: await measureBundle(KIT.core),
    react: await measureBundle(KIT.react),
    components: await measureBundle(KIT.components),
    all: await measureBundle(KIT.all),
    typical: await measureBundle(KIT.typical),
    typicalWithSupabase: await measureBundle(KIT.typicalWithSupabase),
  };
  const rows: BenchRow[] = [kit.core, kit.react, kit.components].map((k) => row('entries', k));
  const peers = [];
  for (const p of PEERS) {
    const all = await measureBundle(p.all);
    const typical = await measureBundle(p.typical);
    peers.push({ peer: p.peer, all, typical });
    rows.push(row('everything', kit.all, { name: p.peer, size: all }));
    rows.push(row('typical app import', kit.typical, { name: p.peer, size: typical }));
    rows.push(
      row('typical app import, supabase-js included', kit.typicalWithSupabase, {
        name: p.peer,
        size: typical,
      }),
    );
  }
  const kitCss = await cssGzip(
    fileURLToPath(new URL('../src/components/styles.css', import.meta.url)),
  );
  const lbCss = await cssGzip(`${PEERS_DIR}node_modules/@liveblocks/react-ui/styles.css`);
  rows.push({
    group: 'CSS',
    name: 'presence-kit/styles.css vs @liveblocks/react-ui/styles.css',
    value: kitCss,
    unit: 'B',
    peer: 'Liveblocks 3.24 (@liveblocks/react-ui)',
    peerValue: lbCss,
    note: 'minified + gzipped; the other peers style their components in JS or ship no components',
  });
  console.log('\nmin+gzip (B) | peer (B) | kit/peer | what');
  for (const r of rows)
    console.log(
      `${String(r.value).padStart(7)} | ${String(r.peerValue ?? '—').padStart(7)} | ${
        r.peerValue ? (r.value / r.peerValue).toFixed(3) : '—'
      } | ${r.name}`,
    );
  const path = writeResult({
    suite: 'bundle',
    machine,
    elapsedS: (Date.now() - started) / 1000,
    summary:
      'esbuild 0.28 (bundle, minify, tree-shake, ESM, browser, NODE_ENV=production); react, react-dom and @supabase/supabase-js external for every bundle; the kit from src/; min+gzip in bytes (gzip level 6).',
    rows,
    detail: { kit, peers },
  });
  console.log(`wrote ${path}`);
}

await main();
