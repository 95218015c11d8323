import { describe, expect, it } from 'vitest';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { intruder } from './intruder.js';

const world = worldPerTest();

describe('our own state is this connection’s', () => {
  it('a raw client tracking under our key never changes store.self or getState(self)', async () => {
    const alice = world.person('alice');
    const room = await settled(alice.presence.join('room', { initialState: { mood: 'happy' } }));
    await tick(200);
    const mallory = await intruder(world, 'room', 'alice');
    const ours = mallory.metaOf('alice');
    // Once with a connection id of its own, once copying ours.
    await mallory.track({
      connectionId: 'other',
      version: 99,
      state: { mood: 'evil' },
      updatedAt: Date.now(),
      joinedAt: Date.now(),
    });
    await tick(300);
    const self = () => room.store.getState().self;
    expect(self()?.state).toEqual({ mood: 'happy' });
    expect(self()?.connections).toHaveLength(2);
    expect(self()?.connections.find((c) => c.state.mood === 'evil')?.local).toBeUndefined();
    await mallory.track({ ...ours, version: Number(ours.version) + 5, state: { mood: 'evil' } });
    await tick(300);
    expect(self()?.state).toEqual({ mood: 'happy' });
    await expect(settled(alice.presence.getState('alice', 'room'))).resolves.toMatchObject({
      states: { mood: 'happy' },
    });
    await settled(alice.presence.setState('room', { seat: '1' }));
    expect(self()?.state).toEqual({ mood: 'happy', seat: '1' });
    await mallory.channel.untrack();
    await tick(3000);
    expect(self()?.connections).toHaveLength(1);
    expect(self()?.state).toEqual({ mood: 'happy', seat: '1' });
  });

  it('an exact copy of our own meta is another connection, and its leave leaves ours alone', async () => {
    const alice = world.person('alice');
    const room = await settled(alice.presence.join('room', { initialState: { mood: 'happy' } }));
    await tick(200);
    const self = () => room.store.getState().self;
    const ownRef = self()?.connections.find((c) => c.local)?.presenceRef;
    expect(ownRef).toBeTruthy();
    const mallory = await intruder(world, 'room', 'alice');
    await mallory.track(mallory.metaOf('alice'));
    await tick(300);
    expect(self()?.connections).toHaveLength(2);
    expect(self()?.connections.find((c) => c.local)?.presenceRef).toBe(ownRef);
    await mallory.channel.untrack();
    await tick(300);
    expect(self()?.connections).toHaveLength(1);
    expect(self()?.connections[0]).toMatchObject({ local: true, presenceRef: ownRef });
  });

  it("with two tabs of one user, each tab's self is its own state, and the other tab is listed", async () => {
    const tabA = world.person('alice');
    const tabB = world.person('alice');
    const roomA = await settled(tabA.presence.join('room', { initialState: { tab: 'A' } }));
    const roomB = await settled(tabB.presence.join('room', { initialState: { tab: 'B' } }));
    await tick(300);
    await settled(tabB.presence.setState('room', { busy: 'yes' }));
    await tick(300);
    const selfA = roomA.store.getState().self;
    expect(selfA?.state).toEqual({ tab: 'A' });
    expect(selfA?.connections.map((c) => c.state.tab).sort()).toEqual(['A', 'B']);
    expect(selfA?.connections.filter((c) => c.local)).toHaveLength(1);
    expect(roomB.store.getState().self?.state).toEqual({ tab: 'B', busy: 'yes' });
    await expect(settled(tabA.presence.getState('alice', 'room'))).resolves.toMatchObject({
      states: { tab: 'A' },
    });
    // A toggle in tab A reads and writes tab A's state.
    const busy = roomA.store.getState().self?.state.busy;
    await settled(tabA.presence.setState('room', { busy: busy === 'yes' ? 'no' : 'yes' }));
    expect(roomA.store.getState().self?.state).toEqual({ tab: 'A', busy: 'yes' });
  });
});
