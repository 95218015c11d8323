import { describe, expect, it } from 'vitest';
import { CHAIN_LENGTH } from '../../../src/core/outbound/proofCodec.js';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';

const world = worldPerTest({ limits: { maxEventsPerSecond: 100_000 } });

describe('hash chains over a long session', () => {
  it('moves to the next chain epoch without a receiver missing a change', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob', { broadcastThrottleMs: 0 });
    const room = await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room'));
    await tick(200);
    const seen = () => room.store.getState().occupants.get('bob');
    for (let i = 1; i <= CHAIN_LENGTH + 100; i += 1) {
      await bob.presence.setState('room', { n: String(i) });
      await tick(10);
      // Every change arrives by broadcast, through the epoch change too (the next anchor went
      // out in a track long before).
      if (seen()?.state.n !== String(i))
        throw new Error(`change ${i} not shown: ${seen()?.state.n}`);
    }
    expect(seen()?.connections[0]?.version).toBeGreaterThan(CHAIN_LENGTH);
    expect(alice.errors).toEqual([]);
    const carol = world.person('carol');
    const late = await settled(carol.presence.join('room'));
    await tick(500);
    expect(late.store.getState().occupants.get('bob')?.state).toEqual({
      n: String(CHAIN_LENGTH + 100),
    });
  });
});
