// What `npm run dev` and `npm run preview` share: the kit's local Realtime server (run from
// source through tsx, so no build is needed), the VITE_SUPABASE_* variables the playground reads,
// the start banner and a clean Ctrl-C. Localhost only.
import console from 'node:console';
import process from 'node:process';
import { tsImport } from 'tsx/esm/api';

export const HOST = '127.0.0.1';
/** The local server's port: `PORT`, else the Supabase CLI's 54321. */
export const SERVER_PORT = Number(process.env.PORT ?? 54321);
/** The playground button that opens a second tab as a new user (the same name on the page). */
export const OTHER_USER_BUTTON = 'Open as another user';

/** The local server module, loaded from src/ through tsx. */
export function loadServerModule() {
  return tsImport('../src/server/node/index.ts', import.meta.url);
}

/** Both variables set: hosted Supabase or MemFire, and no local server. */
export function hostedBackend() {
  return Boolean(process.env.VITE_SUPABASE_URL && process.env.VITE_SUPABASE_ANON_KEY);
}

/**
 * Starts the local server and hands its URL and anon key to Vite through process.env. With
 * `anyPort`, a busy port falls back to a free one (dev reads the URL at start); without it a busy
 * port is an error, since a built playground has the URL baked in.
 */
export async function startLocalServer({ anyPort }) {
  const { startRealtimeServer } = await loadServerModule();
  let server;
  try {
    server = await startRealtimeServer({ host: HOST, port: SERVER_PORT });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    if (!anyPort) {
      console.error(
        `[presence-kit] port ${SERVER_PORT} is busy, and the built playground talks to ` +
          `${HOST}:${SERVER_PORT}. Stop what uses it (another \`npm run dev\`?), or build and ` +
          'preview with another PORT=.',
      );
      process.exit(1);
    }
    console.warn(`[presence-kit] port ${SERVER_PORT} is busy; using a free port`);
    server = await startRealtimeServer({ host: HOST, port: 0 });
  }
  process.env.VITE_SUPABASE_URL = server.url;
  process.env.VITE_SUPABASE_ANON_KEY = server.anonKey;
  return server;
}

/** The start banner: where to open, the second-user button and the URL parameters. */
function printBanner({ title, server, pageUrl, stopHint }) {
  const realtime = server
    ? `${server.url}  (local, anon key ${server.anonKey.slice(0, 16)}…)`
    : `${process.env.VITE_SUPABASE_URL}  (from VITE_SUPABASE_URL)`;
  const page = pageUrl.endsWith('/') ? pageUrl : `${pageUrl}/`;
  console.log(`
  ${title}

  realtime server  ${realtime}
  playground       ${page}

  Open the playground, then press "${OTHER_USER_BUTTON}" to join in a new tab as someone else.
  URL parameters (combine them with &):
    ?user=<id>     join as this user id (default: a new one per tab, kept across reloads)
    ?room=<name>   join this room (default: lobby)
    ?name=<text>   your display name (default: one picked from the user id)
    ?offline       no server: everything runs in the page, with simulated users
  For example ${page}?room=demo&name=Sam

  ${stopHint}
`);
}

/** Closes everything on Ctrl-C / SIGTERM, once, and exits. */
function stopOnSignal(closers) {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled(closers.map((close) => close()));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * What dev and preview do: the local server (unless hosted), then `startVite(HOST)` (a listening
 * Vite dev or preview server), then the banner; Ctrl-C stops both.
 */
export async function servePlayground({ title, anyPort, startVite }) {
  const server = hostedBackend() ? null : await startLocalServer({ anyPort });
  const vite = await startVite(HOST);
  const port = vite.httpServer?.address()?.port;
  printBanner({
    title,
    server,
    pageUrl: vite.resolvedUrls?.local[0] ?? `http://${HOST}:${port}/`,
    stopHint: 'Ctrl-C stops both.',
  });
  stopOnSignal([() => vite.close(), () => server?.close()]);
}
