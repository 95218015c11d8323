/** Spawns `serve.ts` in a child process and waits for its READY line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What the kit child reports on request: hub frame counters and its own CPU time. */
export interface ServerStats {
  framesOut?: Record<string, number>;
  framesIn?: Record<string, number>;
  cpu?: { user: number; system: number };
  /** Open sockets (kit only). */
  sockets?: number;
  /** Monotonic ms of the last presence frame the kit sent. */
  lastPresenceAt?: number;
}

export interface ServerProcess<T> {
  info: T;
  /** Asks the child for its counters (empty for the relay). */
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** Node flags for bench children: BENCH_PROFILE=<dir> writes a V8 CPU profile of each there. */
export function childFlags(): string[] {
  const dir = process.env.BENCH_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx'] : ['--import', 'tsx'];
}

/** Waits (bounded) until the kit has no sockets left, so one run's teardown does not load the next. */
export async function settle(server: ServerProcess<unknown>, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline && ((await server.stats()).sockets ?? 0) > 0)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

export function spawnServer<T>(mode: 'kit' | 'relay'): Promise<ServerProcess<T>> {
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [...childFlags(), script, mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let buffer = '';
  const waiters: Array<(stats: ServerStats) => void> = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('READY ')) resolve(handle(JSON.parse(line.slice(6)) as T));
        if (line.startsWith('STATS ')) waiters.shift()?.(JSON.parse(line.slice(6)) as ServerStats);
      }
    });
  });

  function handle(info: T): ServerProcess<T> {
    const stats = () =>
      new Promise<ServerStats>((done) => {
        waiters.push(done);
        child.stdin?.write('stats\n');
      });
    const stop = () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.stdin?.end();
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    return { info, stats, stop };
  }
}
