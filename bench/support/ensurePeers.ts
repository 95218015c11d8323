/**
 * Installs the bundle bench's peers (bench/peers, its own package.json and lockfile) when they
 * are missing: `npm ci --prefix bench/peers`. They are never the kit's dependencies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PEERS = fileURLToPath(new URL('../peers/', import.meta.url));

/** True when bench/peers/node_modules matches its lockfile (npm writes the hidden lockfile last). */
function installed(): boolean {
  const hidden = `${PEERS}node_modules/.package-lock.json`;
  if (!existsSync(hidden)) return false;
  return statSync(hidden).mtimeMs >= statSync(`${PEERS}package-lock.json`).mtimeMs;
}

/** Runs `npm ci` in bench/peers unless already installed; throws when it fails. */
export function ensurePeers(log: (line: string) => void = console.log): void {
  if (installed()) return;
  log('bench/peers: installing the bundle peers (npm ci --prefix bench/peers) ...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['ci', '--prefix', PEERS, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0)
    throw new Error(`npm ci --prefix bench/peers failed (${String(result.status)})`);
}
