import type { SupabaseClient } from '@supabase/supabase-js';
import { afterEach, beforeEach, vi } from 'vitest';
import { createPresence } from '../../../src/core/index.js';
import type { Presence, PresenceOptions } from '../../../src/core/index.js';
import { createLoopbackClient, signToken } from '../../../src/server/loopback/index.js';
import type { LoopbackClient, TappedFrame } from '../../../src/server/loopback/index.js';
import { settled } from '../helpers/loopback.js';

/** Now in JWT seconds (fake time included). */
export const seconds = (): number => Math.floor(Date.now() / 1000);

/** One hub whose users sign in with real JWTs, and every `phx_join` it received. */
export interface TokenWorld {
  readonly hub: LoopbackClient['hub'];
  /** `phx_join` frames so far: topic and the access token they carried. */
  readonly joins: { topic: string; token: unknown }[];
  /** A signed `authenticated` token for `sub`, valid for `lifetimeSeconds`, already verified once. */
  userToken(sub: string, lifetimeSeconds: number): Promise<string>;
  /** A supabase-js client with an `accessToken` callback, and a private-channel presence on it. */
  person(
    userId: string,
    accessToken: () => Promise<string>,
    options?: PresenceOptions,
  ): { client: SupabaseClient; presence: Presence };
}

/**
 * Gives every test of the calling file a fresh hub on fake timers (presences destroyed after the
 * test). JWT checks use WebCrypto, which fake timers cannot drive: each token is verified once for
 * real up front, and later checks of it hit the hub's cache and settle on microtasks.
 */
export function tokenWorldPerTest(): TokenWorld {
  let world: LoopbackClient | undefined;
  const joins: { topic: string; token: unknown }[] = [];
  const presences: Presence[] = [];
  const current = (): LoopbackClient => {
    if (!world) throw new Error('the world exists only inside a test');
    return world;
  };
  const warm = async (token: string): Promise<void> => {
    const outcome = await current().hub.connect({ apikey: token, vsn: '2.0.0' });
    if (!outcome.ok) throw new Error(outcome.error);
  };
  beforeEach(async () => {
    vi.useFakeTimers();
    joins.length = 0;
    world = createLoopbackClient({
      hubOptions: {
        onFrame: (direction, _socket, frame: TappedFrame) => {
          if (direction !== 'in' || frame.event !== 'phx_join') return;
          const token = (frame.payload as Record<string, unknown>)['access_token'];
          joins.push({ topic: frame.topic, token });
        },
      },
    });
    await warm(world.anonKey);
  });
  afterEach(async () => {
    await settled(Promise.all(presences.splice(0).map((p) => p.destroy())));
    current().hub.close();
    world = undefined;
    vi.useRealTimers();
  });
  return {
    get hub() {
      return current().hub;
    },
    joins,
    async userToken(sub, lifetimeSeconds) {
      const claims = { sub, role: 'authenticated', exp: seconds() + lifetimeSeconds };
      const token = await signToken(current().hub.jwtSecret, claims);
      await warm(token);
      return token;
    },
    person(userId, accessToken, options = {}) {
      const client = current().createClient({ accessToken }) as unknown as SupabaseClient;
      const presence = createPresence({ client, userId, private: true, ...options });
      presences.push(presence);
      return { client, presence };
    },
  };
}
