#!/usr/bin/env node
// `npm run build:playground`: a static build of the playground in playground/dist. Vite bakes
// VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY into the build: set both for hosted Supabase or
// MemFire; otherwise the build talks to the local server that `npm run preview` starts
// (127.0.0.1:54321, or PORT, with the local server's well-known anon key).
import console from 'node:console';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'vite';
import { HOST, SERVER_PORT, hostedBackend, loadServerModule } from './localServer.mjs';

if (!hostedBackend()) {
  const { DEFAULT_ANON_KEY } = await loadServerModule();
  process.env.VITE_SUPABASE_URL = `http://${HOST}:${SERVER_PORT}`;
  process.env.VITE_SUPABASE_ANON_KEY = DEFAULT_ANON_KEY;
}

await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) });
console.log(
  `\n  playground built in playground/dist, talking to ${process.env.VITE_SUPABASE_URL}` +
    '\n  `npm run preview` serves it (and starts the local server when that is the target)\n',
);
