/**
 * Client shards: child processes that each host a share of the benchmark's clients, so the
 * clients' own work (ws parsing, realtime-js presence bookkeeping) is spread over processes and
 * kept out of the process that paces the sender. Parent and shard talk over Node IPC.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childFlags } from './serverProcess.js';

/** Any IPC message: a `type` plus fields. */
export interface ShardMessage {
  type: string;
  [field: string]: unknown;
}

export interface Shard {
  send(message: ShardMessage): void;
  /** The next message of `type` (earlier ones of other types go to `on` listeners). */
  next<T extends ShardMessage>(type: string, timeoutMs?: number): Promise<T>;
  /** Calls `listener` for every message of `type`. */
  on(type: string, listener: (message: ShardMessage) => void): void;
  stop(): Promise<void>;
}

/** Spawns `count` shards running `script` (a file in this folder). */
export function spawnShards(script: string, count: number): Shard[] {
  return Array.from({ length: count }, () => spawnShard(script));
}

function spawnShard(script: string): Shard {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [...childFlags(), path], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const listeners = new Map<string, Array<(message: ShardMessage) => void>>();
  const waiters = new Map<string, Array<(message: ShardMessage) => void>>();
  child.on('message', (raw) => {
    const message = raw as ShardMessage;
    const waiter = waiters.get(message.type)?.shift();
    if (waiter) return waiter(message);
    for (const listener of listeners.get(message.type) ?? []) listener(message);
  });
  return {
    send: (message) => child.send(message),
    next: <T extends ShardMessage>(type: string, timeoutMs = 120_000) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`shard: no ${type} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        timer.unref();
        const list = waiters.get(type) ?? [];
        list.push((message) => {
          clearTimeout(timer);
          resolve(message as T);
        });
        waiters.set(type, list);
      }),
    on: (type, listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.disconnect();
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

/** Splits `total` clients over `shards` as evenly as possible. */
export function split(total: number, shards: number): number[] {
  return Array.from(
    { length: shards },
    (_, i) => Math.floor(total / shards) + (i < total % shards ? 1 : 0),
  );
}

/** Milliseconds on CLOCK_MONOTONIC: the same clock in every process, so latencies can cross them. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Sends `message` to the parent (in a shard; a no-op in a process started without IPC). */
export function sendToParent(message: ShardMessage): void {
  process.send?.(message);
}

/** Exits when the parent goes away: shards never linger. */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(0));
  setTimeout(() => process.exit(0), 15 * 60_000).unref();
}
