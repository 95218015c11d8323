import { describe, expect, it } from 'vitest';
import { worldPerTest, settled, tick, until } from './helpers/loopback.js';

const world = worldPerTest();

describe('leave, timeout and flap debounce', () => {
  it('reports a graceful leave as REMOTE_LEAVE, only after the grace period', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    const room = await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room'));
    await tick(100);
    await settled(bob.presence.leave('room'));
    await tick(1500);
    expect(room.store.getState().occupants.get('bob')?.status).toBe('leaving');
    expect(alice.heardAbout('bob')).toEqual(['REMOTE_JOIN']);
    await tick(600);
    expect(alice.heardAbout('bob')).toEqual(['REMOTE_JOIN', 'REMOTE_LEAVE']);
    expect(room.store.getState().userIds).toEqual(['alice']);
    expect(room.store.getState().occupancy).toBe(1);
  });

  it('reports a vanished connection without goodbye as REMOTE_TIMEOUT', async () => {
    const alice = world.person('alice');
    // Bob's network dies for good: the hub drops the socket and Bob's client does not come back soon.
    const bob = world.person('bob', {}, { reconnectAfterMs: () => 3_600_000 });
    await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room'));
    await tick(100);
    const [socket] = world.socketsOf('bob');
    expect(world.hub.testing.dropSocket(socket!)).toBe(1);
    await tick(2500);
    expect(alice.heardAbout('bob')).toEqual(['REMOTE_JOIN', 'REMOTE_TIMEOUT']);
  });

  it('shows no leave and no join when someone drops and is back within the window', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    const room = await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room', { initialState: { seat: '2' } }));
    await tick(100);
    const statuses: string[] = [];
    room.subscribeUser('bob', () =>
      statuses.push(room.store.getState().occupants.get('bob')?.status ?? 'gone'),
    );
    world.hub.testing.dropSocket(world.socketsOf('bob')[0]!);
    await until(
      () =>
        world.socketsOf('bob').length === 1 &&
        room.store.getState().occupants.get('bob')?.status === 'online',
    );
    await tick(3000);
    expect(statuses).toContain('leaving');
    expect(alice.heardAbout('bob')).toEqual(['REMOTE_JOIN', 'REMOTE_STATE_CHANGED']);
    expect(room.store.getState().occupants.get('bob')?.state).toEqual({ seat: '2' });
  });

  it('folds two tabs of one user into one occupant and keeps them while one tab remains', async () => {
    const alice = world.person('alice');
    const tab1 = world.person('bob');
    const tab2 = world.person('bob');
    const room = await settled(alice.presence.join('room'));
    await settled(tab1.presence.join('room', { initialState: { tab: '1' } }));
    await settled(tab2.presence.join('room', { initialState: { tab: '2' } }));
    await tick(200);
    const bob = room.store.getState().occupants.get('bob');
    expect(bob?.connections).toHaveLength(2);
    expect(bob?.state).toEqual({ tab: '2' });
    expect(room.store.getState().occupancy).toBe(2);
    expect(tab2.presence.getRoom('room')?.store.getState().self?.connections).toHaveLength(2);
    await settled(tab2.presence.leave('room'));
    await tick(3000);
    expect(room.store.getState().occupants.get('bob')?.connections).toHaveLength(1);
    expect(room.store.getState().occupants.get('bob')?.state).toEqual({ tab: '1' });
    expect(
      alice.heardAbout('bob').filter((t) => t === 'REMOTE_JOIN' || t === 'REMOTE_LEAVE'),
    ).toEqual(['REMOTE_JOIN']);
  });
});
