import { describe, expect, it } from 'vitest';
import { worldPerTest, settled, tick, until } from './helpers/loopback.js';

const world = worldPerTest();

describe('staying inside Supabase presence limits', () => {
  it('turns 100 setState calls in 1 s into at most 2 tracks, and the remote ends on the final state', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    await settled(alice.presence.join('room'));
    const bobRoom = await settled(bob.presence.join('room'));
    await tick(10_000);
    const before = world.tracks('room');
    for (let i = 1; i <= 100; i += 1) {
      await alice.presence.setState('room', { n: String(i) });
      await tick(10);
    }
    expect(world.tracks('room') - before).toBeLessThanOrEqual(2);
    await tick(200);
    expect(bobRoom.store.getState().occupants.get('alice')?.state).toEqual({ n: '100' });
    // A late joiner converges from presence once the trailing track lands.
    await tick(10_000);
    const carol = world.person('carol');
    const carolRoom = await settled(carol.presence.join('room'));
    expect(carolRoom.store.getState().occupants.get('alice')?.state).toEqual({ n: '100' });
  });

  it('lets a late joiner see fresh state at once: members re-send when presence lags', async () => {
    const alice = world.person('alice');
    await settled(alice.presence.join('room'));
    await tick(1000);
    await alice.presence.setState('room', { n: '1' });
    await alice.presence.setState('room', { n: '2' });
    await tick(200);
    const bob = world.person('bob');
    const bobRoom = await settled(bob.presence.join('room'));
    await until(() => bobRoom.store.getState().occupants.get('alice')?.state.n === '2');
    // Only the two joins' own tracks so far: Bob got Alice's newest state by broadcast, not presence.
    expect(world.tracks('room')).toBe(2);
    expect(world.hub.stats().shutdowns).toEqual({});
  });

  it('survives two minutes of setState storms, tab flapping and reconnect loops without a shutdown', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    const aliceRoom = await settled(alice.presence.join('room'));
    const bobRoom = await settled(bob.presence.join('room'));
    let n = 0;
    for (let second = 0; second < 120; second += 1) {
      for (let i = 0; i < 20; i += 1) {
        await alice.presence.setState('room', { n: String((n += 1)) });
        await tick(50);
      }
      if (second % 10 === 3) {
        // Bob's tab flaps: leave and rejoin.
        await settled(bob.presence.leave('room'));
        await settled(bob.presence.join('room'));
      }
      if (second % 15 === 7) {
        // Alice's network blips: the hub drops her socket and supabase-js reconnects by itself.
        world.hub.testing.dropSocket(world.socketsOf('alice')[0]!);
      }
    }
    await until(() => aliceRoom.store.getState().status === 'subscribed');
    await tick(31_000);
    expect(world.hub.stats().shutdowns).toEqual({});
    expect(alice.errors).toEqual([]);
    const bobNow = bob.presence.getRoom('room') ?? bobRoom;
    expect(bobNow.store.getState().occupants.get('alice')?.state).toEqual({ n: String(n) });
  });
});
