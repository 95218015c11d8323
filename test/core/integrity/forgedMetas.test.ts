import { describe, expect, it } from 'vitest';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { intruder } from './intruder.js';

const world = worldPerTest();

async function aliceAndBob() {
  const alice = world.person('alice');
  const bob = world.person('bob', {}, { reconnectAfterMs: () => 3_600_000 });
  const room = await settled(alice.presence.join('room'));
  await settled(bob.presence.join('room', { initialState: { mood: 'calm' } }));
  await tick(200);
  const bobRecord = () => room.store.getState().occupants.get('bob');
  /** Alice's joins, leaves and timeouts of Bob. */
  const comings = () => alice.heardAbout('bob').filter((t) => t !== 'REMOTE_STATE_CHANGED');
  return { alice, bob, room, bobRecord, comings };
}

describe('forged presence metas and leaves', () => {
  it("a meta that reuses bob's connectionId is a connection of its own; its leave removes only it", async () => {
    const { alice, bob, bobRecord, comings } = await aliceAndBob();
    const mallory = await intruder(world, 'room', 'bob');
    await mallory.track(mallory.metaOf('bob'));
    await tick(300);
    expect(bobRecord()?.connections).toHaveLength(2);
    await mallory.channel.untrack();
    await tick(3000);
    expect(bobRecord()?.status).toBe('online');
    expect(bobRecord()?.connections).toHaveLength(1);
    expect(comings()).toEqual(['REMOTE_JOIN']);
    await expect(settled(alice.presence.getState('bob', 'room'))).resolves.toMatchObject({
      states: { mood: 'calm' },
    });
    // Bob is still reachable: his next change shows.
    await settled(bob.presence.setState('room', { mood: 'happy' }));
    await tick(300);
    expect(bobRecord()?.state).toEqual({ mood: 'happy' });
  });

  it('a far-future updatedAt is dropped and reported, so it cannot pin which state wins', async () => {
    const { alice, bob, bobRecord } = await aliceAndBob();
    const mallory = await intruder(world, 'room', 'bob');
    await mallory.track({
      connectionId: 'pinned',
      version: 1,
      state: { mood: 'evil' },
      updatedAt: Date.now() + 365 * 86_400_000,
      joinedAt: Date.now(),
    });
    await tick(300);
    expect(bobRecord()?.state).toEqual({ mood: 'calm' });
    expect(alice.errors.some((e) => /future/.test(e.reason))).toBe(true);
    await settled(bob.presence.setState('room', { mood: 'happy' }));
    await tick(300);
    expect(bobRecord()?.state).toEqual({ mood: 'happy' });
  });

  it('a spoofed pk:leave does not turn a timeout into REMOTE_LEAVE', async () => {
    const { comings } = await aliceAndBob();
    const mallory = await intruder(world, 'room');
    const meta = mallory.metaOf('bob');
    await mallory.send('pk:leave', {
      userId: 'bob',
      connectionId: meta.connectionId,
      version: Number(meta.version) + 1,
      proof: meta.proof,
    });
    await tick(100);
    const [socket] = world.socketsOf('bob');
    expect(world.hub.testing.dropSocket(socket!)).toBe(1);
    await tick(2500);
    expect(comings()).toEqual(['REMOTE_JOIN', 'REMOTE_TIMEOUT']);
  });

  it("a genuine pk:leave still makes bob's leave a REMOTE_LEAVE", async () => {
    const { bob, comings } = await aliceAndBob();
    await settled(bob.presence.leave('room'));
    await tick(2500);
    expect(comings()).toEqual(['REMOTE_JOIN', 'REMOTE_LEAVE']);
  });
});
