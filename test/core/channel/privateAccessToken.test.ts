import type { SupabaseClient } from '@supabase/supabase-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPresence, type Presence } from '../../../src/core/index.js';
import { createLoopbackClient, signToken } from '../../../src/server/loopback/index.js';
import type { LoopbackClient, TappedFrame } from '../../../src/server/loopback/index.js';
import { settled, tick, until } from '../helpers/loopback.js';

const seconds = () => Math.floor(Date.now() / 1000);

let world: LoopbackClient;
let joins: { topic: string; token: unknown }[];
const presences: Presence[] = [];

beforeEach(async () => {
  vi.useFakeTimers();
  joins = [];
  world = createLoopbackClient({
    hubOptions: {
      onFrame: (direction, _socket, frame: TappedFrame) => {
        if (direction === 'in' && frame.event === 'phx_join')
          joins.push({
            topic: frame.topic,
            token: (frame.payload as Record<string, unknown>)['access_token'],
          });
      },
    },
  });
  await warm(world.anonKey);
});

afterEach(async () => {
  await settled(Promise.all(presences.splice(0).map((p) => p.destroy())));
  world.hub.close();
  vi.useRealTimers();
});

/**
 * Verifies a token once, for real: JWT checks use WebCrypto, which fake timers cannot drive.
 * Later checks of the same token hit the hub's cache and settle on microtasks.
 */
async function warm(token: string): Promise<void> {
  const outcome = await world.hub.connect({ apikey: token, vsn: '2.0.0' });
  if (!outcome.ok) throw new Error(outcome.error);
}

async function userToken(sub: string, lifetimeSeconds: number): Promise<string> {
  const token = await signToken(world.hub.jwtSecret, {
    sub,
    role: 'authenticated',
    exp: seconds() + lifetimeSeconds,
  });
  await warm(token);
  return token;
}

/** A supabase-js client with an `accessToken` callback, and a private-channel presence on it. */
function person(userId: string, accessToken: () => Promise<string>) {
  const client = world.createClient({ accessToken }) as unknown as SupabaseClient;
  const presence = createPresence({ client, userId, private: true });
  presences.push(presence);
  return { client, presence };
}

describe('a private channel on a client with an accessToken callback', () => {
  it('joins at once: the first phx_join carries the callback token', async () => {
    const token = await userToken('ann', 3600);
    const ann = person('ann', () => Promise.resolve(token));
    const room = await settled(ann.presence.join('vip'));

    expect(room.store.getState().status).toBe('subscribed');
    expect(joins.filter((j) => j.topic === 'realtime:vip')).toEqual([
      { topic: 'realtime:vip', token },
    ]);
    const channel = world.hub.testing
      .inspect()
      .sockets.flatMap((s) => s.channels)
      .find((c) => c.topic === 'realtime:vip');
    expect(channel).toMatchObject({ private: true, role: 'authenticated', presenceKey: 'ann' });
  });

  it('comes back after the token expired, rejoining with a fresh token from the callback', async () => {
    const stale = await userToken('ann', 60);
    const fresh = await userToken('ann', 3600);
    // The app's session refresh ran late: the callback hands out the old token until it expired.
    const expiresAt = (seconds() + 60) * 1000;
    const ann = person('ann', () => Promise.resolve(Date.now() < expiresAt ? stale : fresh));
    const errors: string[] = [];
    ann.presence.addEventListener('error', (e) => errors.push(`${e.code}: ${e.message}`));
    const room = await settled(ann.presence.join('vip', { initialState: { mood: 'calm' } }));

    await tick(61_000);
    await until(() => room.store.getState().status === 'subscribed');
    expect(errors.some((e) => e.startsWith('CHANNEL_SHUTDOWN') && e.includes('expired'))).toBe(
      true,
    );
    expect(joins.filter((j) => j.topic === 'realtime:vip').map((j) => j.token)).toEqual([
      stale,
      fresh,
    ]);
    expect(world.hub.presenceState('vip', { private: true })['ann']?.metas).toHaveLength(1);
    expect(room.channel.state).toBe('joined');
  });
});
