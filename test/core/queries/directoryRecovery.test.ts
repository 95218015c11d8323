import { describe, expect, it } from 'vitest';
import { whereNowDirectory } from '../../../src/directory.js';
import type { Presence } from '../../../src/core/index.js';
import { settled, tick, until } from '../helpers/loopback.js';
import { tokenWorldPerTest } from '../channel/tokenWorld.js';

const world = tokenWorldPerTest();
const directory = whereNowDirectory();

const channelNames = async (presence: Presence, userId: string) =>
  (await settled(presence.whereNow(userId))).channels.map((c) => c.channelName).sort();

const directoryTopics = () =>
  world.hub.testing
    .inspect()
    .sockets.flatMap((s) => s.channels)
    .filter((c) => c.topic === 'realtime:pk-directory')
    .map((c) => c.presenceKey)
    .sort();

/**
 * Alice (a long session) in lobby and garden; bob in lobby and secret on a token that expires in
 * 60 s, whose callback hands out `bobToken.current`. Both use the directory on private channels.
 */
async function twoUsers() {
  const aliceToken = await world.userToken('alice', 3600);
  const bobToken = { current: await world.userToken('bob', 60) };
  const fresh = await world.userToken('bob', 3600);
  const alice = world.person('alice', () => Promise.resolve(aliceToken), { directory });
  const bob = world.person('bob', () => Promise.resolve(bobToken.current), { directory });
  await settled(alice.presence.join('lobby'));
  await settled(alice.presence.join('garden'));
  await settled(bob.presence.join('lobby'));
  const secret = await settled(bob.presence.join('secret'));
  // Directory lists ride the track budget: the trailing track lands within 30 s / 4.
  await tick(8000);
  expect(await channelNames(alice.presence, 'bob')).toEqual(['lobby', 'secret']);
  expect(await channelNames(bob.presence, 'alice')).toEqual(['garden', 'lobby']);
  return { alice, bob, secret, bobToken, fresh };
}

describe('the whereNow directory after the server shut its channel down', () => {
  it('rejoins with a fresh token like the rooms, re-tracks our rooms, and answers from shared rooms while down', async () => {
    const { alice, bob, secret, bobToken, fresh } = await twoUsers();
    const errors: string[] = [];
    bob.presence.addEventListener('error', (e) => errors.push(`${e.code}: ${e.message}`));

    // Bob's session refresh runs late: his channels are shut down and the first rejoins refused.
    await tick(53_000);
    await until(() => secret.store.getState().status === 'closed');
    expect(errors.some((e) => e.startsWith('CHANNEL_SHUTDOWN: pk-directory'))).toBe(true);
    // Down, the directory cannot tell: bob's answer is from his shared rooms (none are up).
    expect(await channelNames(bob.presence, 'alice')).toEqual([]);

    bobToken.current = fresh;
    await until(() => secret.store.getState().status === 'subscribed', 10_000);
    await until(() => directoryTopics().length === 2, 10_000);
    await tick(8000);
    expect(await channelNames(alice.presence, 'bob')).toEqual(['lobby', 'secret']);
    expect(await channelNames(bob.presence, 'alice')).toEqual(['garden', 'lobby']);
    expect(world.hub.presenceState('pk-directory', { private: true })['bob']?.metas).toHaveLength(
      1,
    );
    const directoryJoins = world.joins.filter((j) => j.topic === 'realtime:pk-directory');
    expect(directoryJoins.at(-1)?.token).toBe(fresh);
  });

  it('destroy() while the directory waits to rejoin cancels the rejoin', async () => {
    const { bob, secret, bobToken, fresh } = await twoUsers();
    await tick(53_000);
    await until(() => secret.store.getState().status === 'closed');
    // The next rejoin would succeed: only destroy() stops it.
    bobToken.current = fresh;
    await settled(bob.presence.destroy());
    await tick(60_000);
    expect(directoryTopics()).toEqual(['alice']);
    expect(bob.client.getChannels()).toEqual([]);
  });
});
