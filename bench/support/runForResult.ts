/**
 * One measurement in a fresh Node process of its own, its result read back from the child's
 * stdout: the child prints one `RESULT <json>` line (printResult) among whatever else it logs,
 * and the parent (runForResult) resolves with that value, or rejects when the child fails or
 * prints none. The memory suite does this for clean heaps, the wire suite to run its two replays
 * side by side.
 */
import { spawn } from 'node:child_process';
import { childFlags } from './serverProcess.js';

const PREFIX = 'RESULT ';

/** How to start the child. */
export interface RunForResultOptions {
  /** Arguments after the script path. */
  args?: readonly string[];
  /** Node flags before `--import tsx`, e.g. `--expose-gc`. */
  nodeFlags?: readonly string[];
  /** Variables added to this process's environment. */
  env?: Readonly<Record<string, string>>;
  /** Names the child in the error when it fails, e.g. `memory child store kit 1000`. */
  label: string;
}

/** Runs `script` (a .ts file) under tsx in a child process and resolves with what it printResult-ed. */
export function runForResult<T>(script: string, options: RunForResultOptions): Promise<T> {
  const { args = [], nodeFlags = [], env = {}, label } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, ...childFlags(), script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(PREFIX.length)) as T);
      else reject(new Error(`${label} exited with ${String(code)}${line ? '' : ', no result'}`));
    });
  });
}

/** In the child: prints `value` as the one result line runForResult reads. */
export function printResult(value: unknown): void {
  process.stdout.write(`${PREFIX}${JSON.stringify(value)}\n`);
}
