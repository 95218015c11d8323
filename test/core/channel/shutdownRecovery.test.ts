import type { RealtimeChannel } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { isPresenceError } from '../../../src/core/index.js';
import { settled, tick, until, worldPerTest } from '../helpers/loopback.js';

// A small tenant: 5 events per second, averaged over 60 s (300 events in the window).
const world = worldPerTest({ limits: { maxEventsPerSecond: 5 } });
const TOO_MANY = 'Too many messages per second';

/** A raw supabase-js client that broadcasts in its own room until the tenant limit trips. */
async function flood(): Promise<void> {
  const channel: RealtimeChannel = world.rawClient().channel('flood');
  channel.subscribe();
  await until(() => channel.state === 'joined');
  for (let i = 0; i < 400 && channel.state === 'joined'; i += 1) {
    void channel.send({ type: 'broadcast', event: 'spam', payload: { i } });
    if (i % 50 === 0) await tick(1);
  }
  await until(() => (world.hub.stats().shutdowns[TOO_MANY] ?? 0) > 0);
}

/** Ann and bob in a room of their own, ann's room returned. */
async function calmRoom(options = {}) {
  const ann = world.person<{ mood: string }>('ann', options);
  const bob = world.person<{ mood: string }>('bob');
  const room = await settled(ann.presence.join('calm', { initialState: { mood: '1' } }));
  const bobRoom = await settled(bob.presence.join('calm'));
  await tick(200);
  const annAsBobSees = () => bobRoom.store.getState().occupants.get('ann')?.state.mood;
  return { ann, bob, room, bobRoom, annAsBobSees };
}

describe('after the server shut a room down', () => {
  it('an unrelated room shut down by the per-tenant events limit comes back by itself', async () => {
    const { ann, room, annAsBobSees } = await calmRoom();
    await flood();

    // Ann's next change is more traffic on the tenant: the server shuts her room down.
    await settled(ann.presence.setState('calm', { mood: '2' }));
    await until(() => room.store.getState().status === 'closed');
    expect(room.store.getState().lastError).toMatchObject({ code: 'CHANNEL_SHUTDOWN' });
    expect(ann.errors.map((e) => e.code)).toContain('CHANNEL_SHUTDOWN');

    // It rejoins with backoff; once the minute's average has passed, changes flow again.
    await until(() => room.store.getState().status === 'subscribed', 120_000);
    await tick(70_000);
    await until(() => room.store.getState().status === 'subscribed', 120_000);
    await settled(ann.presence.setState('calm', { mood: '3' }));
    await until(() => annAsBobSees() === '3');
    expect(room.store.getState().status).toBe('subscribed');
    expect(room.store.getState().self?.state).toEqual({ mood: '3' });
  });

  it('with autoRejoin off stays closed, keeps setState for room.rejoin(), which brings it back', async () => {
    const { ann, room, annAsBobSees } = await calmRoom({ autoRejoin: false });
    await flood();
    await settled(ann.presence.setState('calm', { mood: '2' }));
    await until(() => room.store.getState().status === 'closed');
    const closedChannel = room.channel;
    await tick(120_000);
    expect(room.store.getState().status).toBe('closed');
    // No rejoin of ours (bob's room, shut down too, rejoins by itself).
    expect(room.channel).toBe(closedChannel);
    expect(ann.client.getChannels()).toHaveLength(0);

    // Kept while closed, shown as ours at once, and sent with the rejoin.
    await settled(ann.presence.setState('calm', { mood: 'while-closed' }));
    expect(room.store.getState().self?.state).toEqual({ mood: 'while-closed' });
    await settled(room.rejoin());
    expect(room.store.getState().status).toBe('subscribed');
    await until(() => annAsBobSees() === 'while-closed');
    expect(ann.presence.getRoom('calm')).toBe(room);
  });

  it('join() on a shut-down room rejoins that same room', async () => {
    const { ann, room } = await calmRoom({ autoRejoin: false });
    await flood();
    await settled(ann.presence.setState('calm', { mood: '2' }));
    await until(() => room.store.getState().status === 'closed');
    await tick(70_000);
    const again = await settled(ann.presence.join('calm'));
    expect(again).toBe(room);
    expect(room.store.getState().status).toBe('subscribed');
  });

  it('leave() while waiting to rejoin cancels the rejoin; rejoin() afterwards rejects', async () => {
    const { ann, room } = await calmRoom();
    await flood();
    await settled(ann.presence.setState('calm', { mood: '2' }));
    await until(() => room.store.getState().status === 'closed');
    const closedChannel = room.channel;
    await settled(ann.presence.leave('calm'));
    await tick(120_000);
    expect(room.channel).toBe(closedChannel);
    expect(ann.client.getChannels()).toHaveLength(0);
    expect(world.socketsOf('ann')).toEqual([]);
    const outcome = await settled(
      room.rejoin().then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(isPresenceError(outcome) && outcome.code).toBe('NOT_CONNECTED');
  });
});
