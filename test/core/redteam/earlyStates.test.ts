import { describe, expect, it } from 'vitest';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { rawMember } from './rawMember.js';

const world = worldPerTest();

function early(userId: string, n: string): Record<string, unknown> {
  const proof = '1'.repeat(32);
  return { userId, connectionId: 'c1', version: 1, proof, state: { n }, updatedAt: Date.now() };
}

describe('pk:state for users nobody has seen yet', () => {
  it('is not kept when its userId is longer than any presence key (a 1 MB id)', async () => {
    const alice = world.person('alice');
    await settled(alice.presence.join('room'));
    const mallory = await rawMember(world.hub, 'room', 'mallory');
    mallory.broadcast('pk:state', early('x'.repeat(1_000_000), 'a'));
    await tick(50);
    const reasons = alice.errors.filter((e) => e.code === 'INVALID_REMOTE_PAYLOAD');
    expect(reasons.map((e) => e.message).join()).toContain('over-long id');
  });

  it('still applies to a member whose key is 256 characters long', async () => {
    const alice = world.person('alice');
    const room = await settled(alice.presence.join('room'));
    const key = 'k'.repeat(256);
    const bob = world.person(key);
    await settled(bob.presence.join('room', { initialState: { n: 'first' } }));
    await tick(300);
    await settled(bob.presence.setState('room', { n: 'second' }));
    await tick(300);
    expect(room.store.getState().occupants.get(key)?.state).toEqual({ n: 'second' });
    expect(alice.errors).toEqual([]);
  });
});
