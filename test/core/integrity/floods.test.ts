import { describe, expect, it } from 'vitest';
import type { RemotePayloadError } from '../../../src/core/inbound/RemotePayloadError.js';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { intruder } from './intruder.js';

const world = worldPerTest({ limits: { maxEventsPerSecond: 100_000 } });

describe('bursts of bad payloads', () => {
  it('300 forged frames give a few counted errors and no store notification', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    const room = await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room', { initialState: { mood: 'calm' } }));
    await tick(300);
    const mallory = await intruder(world, 'room');
    const meta = mallory.metaOf('bob');
    let notifications = 0;
    room.store.subscribe(() => (notifications += 1));
    const before = alice.errors.length;
    for (let i = 0; i < 300; i += 1) {
      const kind = i % 3;
      await mallory.send('pk:state', {
        ...meta,
        userId: 'bob',
        version: kind === 0 ? Number(meta.version) + 1 : Number.MAX_SAFE_INTEGER - i,
        proof: kind === 1 ? 'f'.repeat(32) : meta.proof,
        state: kind === 2 ? { mood: 7 } : { mood: `evil ${i}` },
      });
    }
    await tick(100);
    const burst = alice.errors.slice(before) as RemotePayloadError[];
    expect(burst.length).toBeLessThanOrEqual(2);
    await tick(2000);
    const all = alice.errors.slice(before) as RemotePayloadError[];
    expect(all.length).toBeLessThanOrEqual(3);
    expect(all.every((e) => e.code === 'INVALID_REMOTE_PAYLOAD')).toBe(true);
    expect(all.reduce((sum, e) => sum + e.count, 0)).toBe(300);
    expect(notifications).toBe(0);
    expect(room.store.getState().occupants.get('bob')?.state).toEqual({ mood: 'calm' });
  });
});
