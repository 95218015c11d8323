#!/usr/bin/env node
// `npm run dev` (and `npm start`): the local Realtime server plus the playground from source, no
// account needed. Hands the server's URL and anon key to Vite as VITE_SUPABASE_URL /
// VITE_SUPABASE_ANON_KEY, prints where to open, and stops both on Ctrl-C. Localhost only.
// With both variables already set (hosted Supabase, MemFire), only the playground starts.
import { URL, fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { servePlayground } from './localServer.mjs';

await servePlayground({
  title: 'presence-kit playground (dev)',
  // A busy 54321 falls back to a free port: the dev server reads the URL when it starts.
  anyPort: true,
  startVite: async (host) => {
    const vite = await createServer({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      server: { host },
    });
    return vite.listen();
  },
});
