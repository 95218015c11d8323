import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import {
  createHub,
  createLoopbackClient,
  loopbackFetch,
  loopbackTransport,
  type ConnectOutcome,
  type Hub,
  type Limits,
} from 'presence-kit/local';
import { deafTransport, type SocketConstructor } from './deafTransport.js';
import type { ClientFactory } from './SimulatedUser.js';

/** The viewer's network, for reconnect stories. */
export interface NetworkSwitch {
  /** False between `goOffline()` and `goOnline()`. */
  readonly online: boolean;
  /** Drops the viewer's sockets (as a lost network would) and refuses new ones until `goOnline`. */
  goOffline(): void;
  /** Lets the viewer's client reconnect on its next retry. */
  goOnline(): void;
}

/** An in-page Realtime server with clients for the viewer, scripted users and a crowd. */
export interface LoopbackWorld {
  readonly hub: Hub;
  /** The viewer's supabase-js client (the local user of the story). */
  readonly client: SupabaseClient;
  /** A new client for a scripted user. */
  readonly createClient: ClientFactory;
  /** A new client that does not listen to the room (see `deafTransport`). */
  readonly createCrowdClient: ClientFactory;
  readonly network: NetworkSwitch;
  /** Disconnects every client, then stops the hub and its timers. */
  close(): Promise<void>;
}

// A demo room counts every delivery against the tenant's rate; a thousand people would trip the
// real defaults within seconds, which is not what these stories are about.
const ROOMY_LIMITS: Partial<Limits> = {
  maxEventsPerSecond: 1_000_000_000,
  maxPresenceEventsPerSecond: 1_000_000_000,
};

/**
 * Builds a {@link LoopbackWorld}: no sockets, no ports, no account. Every client is a real
 * supabase-js client; the viewer's goes through a gate the {@link NetworkSwitch} closes.
 */
export function createLoopbackWorld(limits: Partial<Limits> = {}): LoopbackWorld {
  const hub = createHub({ limits: { ...ROOMY_LIMITS, ...limits } });
  const viewerSockets = new Set<string>();
  let online = true;
  const gate: Hub = {
    ...hub,
    connect: (params) => gatedConnect(hub, params, () => online, viewerSockets),
  };
  // The viewer retries every second, so a reconnect story does not sit through long back-offs.
  const viewer = createLoopbackClient({ hub: gate, realtime: { reconnectAfterMs: () => 1000 } });
  const clients: SupabaseClient[] = [viewer.client];
  const make = (transport: SocketConstructor): SupabaseClient => {
    const client = userClient(viewer.url, viewer.anonKey, hub, transport);
    clients.push(client);
    return client;
  };
  const UserSocket = loopbackTransport(hub);
  const DeafSocket = deafTransport(UserSocket);
  return {
    hub,
    client: viewer.client,
    createClient: () => make(UserSocket),
    createCrowdClient: () => make(DeafSocket),
    network: {
      get online() {
        return online;
      },
      goOffline() {
        online = false;
        hub.testing.dropSocket((info) => viewerSockets.has(info.id));
      },
      goOnline() {
        online = true;
      },
    },
    async close() {
      await Promise.all(clients.map((c) => c.realtime.disconnect().catch(() => undefined)));
      hub.close();
    },
  };
}

let clientCount = 0;

/** A simulated user's client: the loopback's fetch and a socket class of our choosing. */
function userClient(
  url: string,
  anonKey: string,
  hub: Hub,
  transport: SocketConstructor,
): SupabaseClient {
  clientCount += 1;
  return createClient(url, anonKey, {
    // In memory, and a storage key of its own so supabase-js does not warn about shared auth.
    auth: {
      storageKey: `presence-kit-sim-${clientCount}`,
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
    },
    global: { fetch: loopbackFetch(hub) },
    realtime: { transport: transport as never },
  });
}

async function gatedConnect(
  hub: Hub,
  params: Parameters<Hub['connect']>[0],
  isOnline: () => boolean,
  sockets: Set<string>,
): Promise<ConnectOutcome> {
  if (!isOnline()) return { ok: false, status: 503, error: 'offline (simulated)' };
  const outcome = await hub.connect(params);
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    open(sink) {
      const conn = outcome.open(sink);
      sockets.add(conn.id);
      return conn;
    },
  };
}
