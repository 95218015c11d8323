import { describe, expect, it } from 'vitest';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { intruder } from './intruder.js';

const world = worldPerTest();

/** Alice watching, Bob in the room with `{ mood: 'calm' }`. */
async function aliceAndBob() {
  const alice = world.person('alice');
  const bob = world.person('bob');
  const room = await settled(alice.presence.join('room'));
  await settled(bob.presence.join('room', { initialState: { mood: 'calm' } }));
  await tick(200);
  const bobState = () => room.store.getState().occupants.get('bob')?.state;
  return { alice, bob, room, bobState };
}

/** A late joiner's view of Bob. */
async function lateJoinerSeesBob() {
  const carol = world.person('carol');
  const room = await settled(carol.presence.join('room'));
  await tick(500);
  return room.store.getState().occupants.get('bob')?.state;
}

describe("forged pk:state deltas for another member's connection", () => {
  it("a delta carrying bob's connectionId changes nothing anyone shows for bob", async () => {
    const { alice, bobState } = await aliceAndBob();
    const mallory = await intruder(world, 'room');
    const meta = mallory.metaOf('bob');
    const version = Number(meta.version);
    // With the proof copied from bob's meta (an element already revealed) and without one.
    for (const proof of [meta.proof, undefined, '0'.repeat(32)]) {
      await mallory.send('pk:state', {
        ...meta,
        userId: 'bob',
        version: version + 1,
        proof,
        state: { mood: 'evil' },
        updatedAt: Date.now(),
      });
    }
    await tick(300);
    expect(bobState()).toEqual({ mood: 'calm' });
    expect(alice.events.some((e) => e.stateChanged.mood === 'evil')).toBe(false);
    expect(alice.errors.map((e) => e.code)).toContain('INVALID_REMOTE_PAYLOAD');
    expect(await lateJoinerSeesBob()).toEqual({ mood: 'calm' });
  });

  it('a delta with version MAX_SAFE_INTEGER does not freeze bob: his next change shows', async () => {
    const { bob, bobState } = await aliceAndBob();
    const mallory = await intruder(world, 'room');
    const meta = mallory.metaOf('bob');
    await mallory.send('pk:state', {
      ...meta,
      userId: 'bob',
      version: Number.MAX_SAFE_INTEGER,
      state: { mood: 'calm' },
    });
    await tick(300);
    await settled(bob.presence.setState('room', { mood: 'happy' }));
    await tick(300);
    expect(bobState()).toEqual({ mood: 'happy' });
    expect(await lateJoinerSeesBob()).toEqual({ mood: 'happy' });
  });

  it("replaying bob's own delta with other content is ignored by members who saw it", async () => {
    const { bob, bobState } = await aliceAndBob();
    const mallory = await intruder(world, 'room');
    await settled(bob.presence.setState('room', { mood: 'happy' }));
    await tick(300);
    const genuine = mallory.heard.find((h) => h.event === 'pk:state');
    expect(genuine).toBeDefined();
    await mallory.send('pk:state', { ...genuine?.payload, state: { mood: 'evil' } });
    await tick(300);
    expect(bobState()).toEqual({ mood: 'happy' });
  });
});
