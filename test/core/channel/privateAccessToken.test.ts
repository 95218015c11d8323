import { describe, expect, it } from 'vitest';
import { settled, tick, until } from '../helpers/loopback.js';
import { seconds, tokenWorldPerTest } from './tokenWorld.js';

const world = tokenWorldPerTest();
const { joins } = world;

describe('a private channel on a client with an accessToken callback', () => {
  it('joins at once: the first phx_join carries the callback token', async () => {
    const token = await world.userToken('ann', 3600);
    const ann = world.person('ann', () => Promise.resolve(token));
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
    const stale = await world.userToken('ann', 60);
    const fresh = await world.userToken('ann', 3600);
    // The app's session refresh ran late: the callback hands out the old token until it expired.
    const expiresAt = (seconds() + 60) * 1000;
    const ann = world.person('ann', () => Promise.resolve(Date.now() < expiresAt ? stale : fresh));
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
