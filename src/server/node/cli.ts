#!/usr/bin/env node
/**
 * `npm run server` / `presence-kit-server`: starts the local Realtime server, prints one ready line
 * with the URL and anon key for `createClient`, and stops cleanly on SIGINT/SIGTERM.
 */
import { HELP, parseCliArgs } from './cliArgs.js';
import { startRealtimeServer } from './startRealtimeServer.js';
import type { LogFn } from '../hub/types.js';

const log: LogFn = (level, message, details) => {
  if (level === 'warn' || level === 'error') console.error(`[${level}] ${message}`, details ?? '');
};

async function main(): Promise<void> {
  const settings = parseCliArgs(process.argv.slice(2), process.env);
  if (settings.help) {
    process.stdout.write(HELP);
    return;
  }
  const { help: _help, ...options } = settings;
  const server = await startRealtimeServer({ ...options, log });
  process.stdout.write(
    `presence-kit realtime server ready: url=${server.url} anonKey=${server.anonKey}\n`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `presence-kit-server: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
