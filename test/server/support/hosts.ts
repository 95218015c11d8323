/**
 * The two hosts of the server core, behind one interface, so every shared case runs against both:
 * the Node server (real TCP, `ws` transport) and the in-page loopback.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterEach, beforeEach } from 'vitest';
import { createLoopbackClient, loopbackTransport } from '../../../src/server/loopback/index.js';
import { startRealtimeServer } from '../../../src/server/node/index.js';
import type { Hub, HubOptions } from '../../../src/server/hub/index.js';

export type Client = SupabaseClient;

export interface ClientOptions {
  accessToken?: string;
  vsn?: string;
}

export interface TestHost {
  name: string;
  hub: Hub;
  anonKey: string;
  url: string;
  /** A real supabase-js client on this host, cleaned up by `close`. */
  client(options?: ClientOptions): Client;
  /** A raw WebSocket-like socket to the host's socket URL (for frame-level tests). */
  rawSocket(query: string): RawSocket;
  close(): Promise<void>;
}

/** The WebSocket surface both `ws` and the loopback socket share. */
export interface RawSocket {
  binaryType: string;
  readyState: number;
  onopen: ((ev: any) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: any) => void) | null;
  send(data: string | ArrayBuffer | Uint8Array): void;
  close(code?: number): void;
}

const REALTIME = { timeout: 3000, heartbeatIntervalMs: 10_000, reconnectAfterMs: () => 50 };
const AUTH = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

function tokenOption(options: ClientOptions): { accessToken?: () => Promise<string> } {
  const token = options.accessToken;
  return token === undefined ? {} : { accessToken: () => Promise.resolve(token) };
}

async function closeClients(clients: Client[]): Promise<void> {
  const done = Promise.all(clients.map((c) => c.removeAllChannels().catch(() => undefined)));
  await Promise.race([done, new Promise((r) => setTimeout(r, 1000))]);
}

async function startNode(hubOptions: HubOptions): Promise<TestHost> {
  const server = await startRealtimeServer({ ...hubOptions, port: 0 });
  const clients: Client[] = [];
  const wsUrl = server.url.replace('http', 'ws') + '/realtime/v1/websocket';
  return {
    name: 'node',
    hub: server.hub,
    anonKey: server.anonKey,
    url: server.url,
    client(options = {}) {
      const realtime = {
        ...REALTIME,
        transport: WebSocket as any,
        ...(options.vsn ? { vsn: options.vsn } : {}),
      };
      const c = createClient(server.url, server.anonKey, {
        realtime,
        auth: AUTH,
        ...tokenOption(options),
      });
      clients.push(c);
      return c;
    },
    rawSocket: (query) => new WebSocket(`${wsUrl}?${query}`) as unknown as RawSocket,
    async close() {
      await closeClients(clients);
      await server.close();
    },
  };
}

async function startLoopback(hubOptions: HubOptions): Promise<TestHost> {
  const lb = createLoopbackClient({ hubOptions });
  const clients: Client[] = [];
  const Transport = loopbackTransport(lb.hub);
  return {
    name: 'loopback',
    hub: lb.hub,
    anonKey: lb.anonKey,
    url: lb.url,
    client(options = {}) {
      const realtime = { ...REALTIME, ...(options.vsn ? { vsn: options.vsn } : {}) };
      const c = lb.createClient({
        realtime,
        ...(options.accessToken ? { accessToken: options.accessToken } : {}),
      });
      clients.push(c);
      return c;
    },
    rawSocket: (query) =>
      new Transport(
        `ws://loopback.localhost/realtime/v1/websocket?${query}`,
      ) as unknown as RawSocket,
    async close() {
      await closeClients(clients);
      lb.hub.close();
    },
  };
}

/** Both hosts, for `describe.each(HOSTS)`. */
export const HOSTS = [
  { name: 'node', start: startNode },
  { name: 'loopback', start: startLoopback },
] as const;

/** Starts a host before each test and closes it after; returns a getter. */
export function useHost(host: (typeof HOSTS)[number], options: HubOptions = {}): () => TestHost {
  let current: TestHost | undefined;
  beforeEach(async () => {
    current = await host.start(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('host not started');
    return current;
  };
}
