import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What an app's bundler ships for an import of the built package: the JavaScript of dist/,
// built into a directory of this test's own (never a stale or half-written dist/), bundled with
// esbuild the way .size-limit.js measures it (peers external, tree-shaken), listing every module
// that put bytes into the output. Type-only modules put none and are not listed.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
  sideEffects: string[];
};
const PEERS = [...Object.keys(pkg.peerDependencies), 'react-dom'];

let out = '';

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'pk-bundle-'));
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--js-into', out], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  // The package's own sideEffects declaration decides what tree-shaking may drop: keep it.
  writeFileSync(
    join(out, 'package.json'),
    JSON.stringify({ type: 'module', sideEffects: pkg.sideEffects }),
  );
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The built modules (paths under dist/) that an app importing `source` ships. */
async function shippedModules(source: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: source, resolveDir: out, sourcefile: 'app.js' },
    absWorkingDir: out,
    nodePaths: [join(ROOT, 'node_modules')],
    bundle: true,
    minify: true,
    format: 'esm',
    external: PEERS,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  return Object.entries(inputs)
    .filter(([file, input]) => input.bytesInOutput > 0 && !file.startsWith('..'))
    .map(([file]) => file)
    .sort();
}

const TYPICAL = `
  import { createPresence } from './index.js';
  import { createPresenceContext } from './react/index.js';
  console.log(createPresence, createPresenceContext);
`;
const under = (dir: string, files: string[]) => files.filter((file) => file.startsWith(dir));

describe('opt-in features ship only when imported', () => {
  it('a typical import ships no identity code but the shared base64url, and no directory', async () => {
    const files = await shippedModules(TYPICAL);
    // The test measures something: the engine itself is there.
    expect(files).toContain('core/facade/PresenceClient.js');
    expect(under('core/identity/', files)).toEqual(['core/identity/base64url.js']);
    // Nor the engine's side of it: the identity gate comes with verifiedIdentity().
    expect(files.filter((file) => file.includes('Identity'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('Directory.js'))).toEqual([]);
  });

  it('importing whereNowDirectory adds the directory and nothing of identity', async () => {
    const files = await shippedModules(`${TYPICAL}
      import { whereNowDirectory } from './directory.js';
      console.log(whereNowDirectory);
    `);
    expect(files).toContain('core/queries/Directory.js');
    expect(under('core/identity/', files)).toEqual(['core/identity/base64url.js']);
  });

  it('importing verifiedIdentity adds the verifier and session, not the backend signer', async () => {
    const files = await shippedModules(`${TYPICAL}
      import { verifiedIdentity } from './core/identity/index.js';
      console.log(verifiedIdentity);
    `);
    const identity = under('core/identity/', files);
    expect(identity).toEqual(
      expect.arrayContaining([
        'core/identity/IdentityVerifier.js',
        'core/identity/SessionIdentity.js',
        'core/identity/SignedTracks.js',
        'core/identity/verifiedIdentity.js',
      ]),
    );
    expect(files).toContain('core/inbound/IdentityGate.js');
    expect(identity).not.toContain('core/identity/createAttestationSigner.js');
    expect(files.filter((file) => file.endsWith('Directory.js'))).toEqual([]);
  });
});
