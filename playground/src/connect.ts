import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { PlaygroundConfig } from './config.js';

/** Where the page and its simulated users connect. */
export interface Connection {
  /** Our own supabase-js client. */
  client: SupabaseClient;
  /** A new client on the same server, one per simulated user. */
  createClient: () => SupabaseClient;
}

/**
 * The local server or hosted Realtime from the env, or (`?offline`, or no env) an in-page server
 * on the loopback: real supabase-js clients either way. The loopback is loaded on demand, so the
 * online playground does not ship the server.
 */
export async function connect(config: PlaygroundConfig): Promise<Connection> {
  if (config.mode !== 'offline') {
    let made = 0;
    // No sessions here; a storage key per client keeps supabase-js from warning about several
    // auth clients in one page (the simulated users' clients).
    const make = () =>
      createClient(config.url, config.anonKey, {
        auth: {
          persistSession: false,
          autoRefreshToken: false,
          storageKey: `pk-pg-${(made += 1)}`,
        },
      });
    return { client: make(), createClient: make };
  }
  const { createLoopbackClient } = await import('presence-kit/local');
  const loopback = createLoopbackClient();
  return { client: loopback.client, createClient: () => loopback.createClient() };
}
