#!/usr/bin/env node
// `npm start`: the local Realtime server plus the playground, no account needed. Starts the server
// (in this process, through tsx), hands its URL and anon key to Vite as VITE_SUPABASE_URL /
// VITE_SUPABASE_ANON_KEY, prints where to open, and stops both on Ctrl-C. Localhost only.
// With both variables already set (hosted Supabase, MemFire), only the playground starts.
import console from 'node:console';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { createServer } from 'vite';

const HOST = '127.0.0.1';
const SERVER_PORT = Number(process.env.PORT ?? 54321);

const { startRealtimeServer } = await tsImport('../src/server/node/index.ts', import.meta.url);

async function startServer() {
  try {
    return await startRealtimeServer({ host: HOST, port: SERVER_PORT });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    console.warn(`[presence-kit] port ${SERVER_PORT} is busy; using a free port`);
    return startRealtimeServer({ host: HOST, port: 0 });
  }
}

// Hosted Supabase or MemFire: set both variables and no local server is started.
const hosted = Boolean(process.env.VITE_SUPABASE_URL && process.env.VITE_SUPABASE_ANON_KEY);
const server = hosted ? null : await startServer();
if (server) {
  process.env.VITE_SUPABASE_URL = server.url;
  process.env.VITE_SUPABASE_ANON_KEY = server.anonKey;
}

const vite = await createServer({
  configFile: fileURLToPath(new URL('../playground/vite.config.ts', import.meta.url)),
  server: { host: HOST },
});
await vite.listen();

const local = vite.resolvedUrls?.local[0] ?? `http://${HOST}:${vite.config.server.port}/`;
const realtime = server
  ? `${server.url}  (local, anon key ${server.anonKey.slice(0, 16)}…)`
  : `${process.env.VITE_SUPABASE_URL}  (from VITE_SUPABASE_URL)`;
console.log(`
  presence-kit playground

  realtime server  ${realtime}
  playground       ${local}
  offline demo     ${local}?offline

  Open the playground, then "Open another tab" to join as someone else. Ctrl-C stops both.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([vite.close(), server?.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
