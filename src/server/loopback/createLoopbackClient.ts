import {
  createClient,
  type SupabaseClient,
  type SupabaseClientOptions,
} from '@supabase/supabase-js';
import { DEFAULT_ANON_KEY, DEFAULT_JWT_SECRET } from '../hub/auth.js';
import { createHub } from '../hub/createHub.js';
import type { Hub, HubOptions } from '../hub/types.js';
import { loopbackFetch } from './loopbackFetch.js';
import { loopbackTransport } from './LoopbackWebSocket.js';

/** A supabase-js client (untyped database: the loopback only serves Realtime). */
export type LoopbackSupabaseClient = SupabaseClient;

/** supabase-js options a loopback client may carry (transport and fetch are the loopback's). */
export type LoopbackSupabaseOptions = Omit<SupabaseClientOptions<'public'>, 'db'>;

/** Per-client options: another user, another tab. */
export interface LoopbackClientOverrides {
  /** The user's JWT (or a callback returning it), as supabase-js' `accessToken` option. */
  accessToken?: string | (() => Promise<string | null>);
  /** Realtime options (e.g. `{ heartbeatIntervalMs, timeout, vsn }`); `transport` is always the loopback. */
  realtime?: NonNullable<LoopbackSupabaseOptions['realtime']>;
  /** Any other supabase-js options. */
  options?: LoopbackSupabaseOptions;
}

/** Options of {@link createLoopbackClient}. */
export interface LoopbackOptions extends LoopbackClientOverrides {
  /** Share an existing hub (several users/tabs in one room). @default a new hub */
  hub?: Hub;
  /** Options for the new hub when `hub` is not given. */
  hubOptions?: HubOptions;
  /** Needed when the hub's secret is not the default one (sign it with `signToken`). @default DEFAULT_ANON_KEY */
  anonKey?: string;
  /** The project URL the client believes it talks to. @default 'http://loopback.localhost:54321' */
  url?: string;
}

/** What {@link createLoopbackClient} returns. */
export interface LoopbackClient {
  /** A real supabase-js client wired to the in-page hub. */
  client: LoopbackSupabaseClient;
  hub: Hub;
  anonKey: string;
  url: string;
  /** Another real client on the same hub (another user or tab). */
  createClient(overrides?: LoopbackClientOverrides): LoopbackSupabaseClient;
  /** Removes every created client's channels and disconnects them. */
  close(): Promise<void>;
}

function resolveAnonKey(hub: Hub, anonKey: string | undefined): string {
  if (anonKey !== undefined) return anonKey;
  if (hub.jwtSecret === DEFAULT_JWT_SECRET) return DEFAULT_ANON_KEY;
  throw new Error(
    'createLoopbackClient: a custom jwtSecret needs an anonKey (mint one with signToken(secret, { role: "anon" }))',
  );
}

let clientCount = 0;

function buildClient(
  hub: Hub,
  url: string,
  anonKey: string,
  o: LoopbackClientOverrides,
): LoopbackSupabaseClient {
  const { accessToken } = o;
  const base: LoopbackSupabaseOptions = o.options ?? {};
  const options: LoopbackSupabaseOptions = {
    ...base,
    // No session storage or refresh timers: each client is one user, kept in memory. A storage key
    // of its own stops supabase-js warning about several auth clients sharing one.
    auth: {
      storageKey: `presence-kit-loopback-${(clientCount += 1)}`,
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      ...base.auth,
    },
    global: { ...base.global, fetch: loopbackFetch(hub) },
    realtime: { ...base.realtime, ...o.realtime, transport: loopbackTransport(hub) },
  };
  if (accessToken !== undefined)
    options.accessToken =
      typeof accessToken === 'string' ? () => Promise.resolve(accessToken) : accessToken;
  return createClient(url, anonKey, options);
}

/**
 * Creates a real supabase-js client whose WebSocket and REST calls reach an in-page hub: no
 * sockets, no ports; Node and browsers. Synchronous.
 * @example
 * const { client, hub, createClient } = createLoopbackClient();
 * const bob = createClient({ accessToken: bobJwt });
 */
export function createLoopbackClient(options: LoopbackOptions = {}): LoopbackClient {
  const hub = options.hub ?? createHub(options.hubOptions);
  const anonKey = resolveAnonKey(hub, options.anonKey);
  const url = options.url ?? 'http://loopback.localhost:54321';
  const clients: LoopbackSupabaseClient[] = [];
  const make = (overrides: LoopbackClientOverrides): LoopbackSupabaseClient => {
    const c = buildClient(hub, url, anonKey, overrides);
    clients.push(c);
    return c;
  };
  const { hub: _hub, hubOptions: _hubOptions, anonKey: _anonKey, url: _url, ...first } = options;
  return {
    client: make(first),
    hub,
    anonKey,
    url,
    createClient: (overrides = {}) => make(overrides),
    close: async () => {
      await Promise.all(clients.map((c) => c.removeAllChannels()));
    },
  };
}
