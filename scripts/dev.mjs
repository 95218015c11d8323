#!/usr/bin/env node
// `npm run dev` (and `npm start`): the local Realtime server plus the playground from source, no
// account needed. Hands the server's URL and anon key to Vite as VITE_SUPABASE_URL /
// VITE_SUPABASE_ANON_KEY, prints where to open, and stops both on Ctrl-C. Localhost only.
// With both variables already set (hosted Supabase, MemFire), only the playground starts.
import { URL, fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import {
  HOST,
  hostedBackend,
  printBanner,
  startLocalServer,
  stopOnSignal,
} from './localServer.mjs';

const server = hostedBackend() ? null : await startLocalServer({ anyPort: true });

const vite = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { host: HOST },
});
await vite.listen();

printBanner({
  title: 'presence-kit playground (dev)',
  server,
  pageUrl: vite.resolvedUrls?.local[0] ?? `http://${HOST}:${vite.config.server.port}/`,
  stopHint: 'Ctrl-C stops both.',
});
stopOnSignal([() => vite.close(), () => server?.close()]);
