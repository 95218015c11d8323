/** Spawns `serve.ts` in a child process and waits for its READY line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerProcess<T> {
  info: T;
  stop(): Promise<void>;
}

export function spawnServer<T>(mode: 'kit' | 'relay'): Promise<ServerProcess<T>> {
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('READY '));
      if (!line) return;
      const stop = () =>
        new Promise<void>((done) => {
          child.once('exit', () => done());
          child.stdin?.end();
          setTimeout(() => child.kill('SIGKILL'), 3000).unref();
        });
      resolve({ info: JSON.parse(line.slice(6)) as T, stop });
    });
  });
}
