#!/usr/bin/env node
// `npm run preview`: serves the playground build (`npm run build:playground`) with Vite's preview
// server, and the local Realtime server on the address the build was made for. With
// VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY set (a hosted build), only the preview starts.
import console from 'node:console';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { servePlayground } from './localServer.mjs';

if (!existsSync(fileURLToPath(new URL('../playground/dist/index.html', import.meta.url)))) {
  console.error('[presence-kit] no playground build: run `npm run build:playground` first');
  process.exit(1);
}

await servePlayground({
  title: 'presence-kit playground (preview of the build)',
  // The build has the server's address baked in: a busy port is an error, not another port.
  anyPort: false,
  startVite: (host) =>
    preview({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      preview: { host },
    }),
});
