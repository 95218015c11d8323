import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { DEFAULT_ANON_KEY, DEFAULT_JWT_SECRET, signToken } from '../hub/auth.js';
import { createHub } from '../hub/createHub.js';
import type { Hub, HubOptions } from '../hub/types.js';
import { handleHttp } from './httpAdapter.js';
import { handleUpgrade } from './upgrade.js';

/** Options of {@link startRealtimeServer}: the hub's, plus where to listen. */
export interface RealtimeServerOptions extends HubOptions {
  /** 0 picks a free port. @default 54321 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** The anon key to hand out. @default DEFAULT_ANON_KEY for the default secret, else a signed anon JWT */
  anonKey?: string;
}

/** A running server. `url` is what `createClient(url, anonKey)` wants. */
export interface RealtimeServer {
  url: string;
  port: number;
  anonKey: string;
  hub: Hub;
  /** Terminates every socket and stops listening. */
  close(): Promise<void>;
}

const TEN_YEARS_S = 10 * 365 * 24 * 3600;

/** The default anon key for a secret: the well-known CLI key, or one signed for ten years. */
export async function defaultAnonKey(secret: string): Promise<string> {
  if (secret === DEFAULT_JWT_SECRET) return DEFAULT_ANON_KEY;
  return signToken(secret, {
    iss: 'presence-kit',
    role: 'anon',
    exp: Math.floor(Date.now() / 1000) + TEN_YEARS_S,
  });
}

/**
 * Starts the local Supabase-Realtime-compatible server (Node, `ws`): WebSocket at
 * `/realtime/v1/websocket`, REST broadcast and health routes with CORS.
 * @example const server = await startRealtimeServer({ port: 0 }); createClient(server.url, server.anonKey, ...)
 */
export async function startRealtimeServer(
  options: RealtimeServerOptions = {},
): Promise<RealtimeServer> {
  const { port = 54321, host = '127.0.0.1', anonKey, ...hubOptions } = options;
  const hub = createHub(hubOptions);
  const key = anonKey ?? (await defaultAnonKey(hub.jwtSecret));
  const log = hubOptions.log ?? (() => undefined);
  // No permessage-deflate (ws's default, and the real server's): compressing every fan-out frame
  // per recipient would cost more than loopback bandwidth saves.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: hub.limits.maxFrameSizeBytes,
    perMessageDeflate: false,
  });
  const server = createServer((req, res) => {
    handleHttp(hub, req, res).catch((err: unknown) => {
      log('error', 'http handler failed', { error: String(err) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    handleUpgrade(hub, wss, req, socket, head, log).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${String(actual)}`,
    port: actual,
    anonKey: key,
    hub,
    close: () => closeServer(hub, wss, server),
  };
}

async function closeServer(
  hub: Hub,
  wss: WebSocketServer,
  server: ReturnType<typeof createServer>,
): Promise<void> {
  hub.close();
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
