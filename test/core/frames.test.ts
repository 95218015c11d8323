import { describe, expect, it, vi } from 'vitest';
import { createWorld, worldPerTest, settled, tick, until } from './helpers/loopback.js';

const world = worldPerTest();

describe('frames into the store', () => {
  it("applies a joiner's presence_state as one store notification", async () => {
    const crowd = Array.from({ length: 20 }, (_, i) =>
      world.person(`u${String(i).padStart(2, '0')}`),
    );
    for (const p of crowd) await settled(p.presence.join('room'));
    await tick(200);
    const late = world.person('zz-late');
    const joining = late.presence.join('room');
    const room = late.presence.getRoom('room')!;
    const occupancies: number[] = [];
    room.store.subscribe(
      (s, prev) => s.occupancy !== prev.occupancy && occupancies.push(s.occupancy),
    );
    await settled(joining);
    await tick(200);
    // Self appears on SUBSCRIBED; the 20 others arrive together, never one by one.
    expect(occupancies.filter((n) => n > 1)).toEqual([21]);
  });

  it('never clones the Supabase presence state on a diff', async () => {
    const alice = world.person('alice');
    const room = await settled(alice.presence.join('room'));
    const presenceState = vi.spyOn(room.channel, 'presenceState');
    const others = ['b', 'c', 'd'].map((id) => world.person(id));
    for (const p of others) await settled(p.presence.join('room'));
    await settled(others[0]!.presence.leave('room'));
    await others[1]!.presence.setState('room', { a: '1' });
    await tick(3000);
    expect(room.store.getState().occupancy).toBe(3);
    expect(presenceState).not.toHaveBeenCalled();
  });

  it('survives a StrictMode-style leave and immediate rejoin with one channel and no leave for others', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    await settled(alice.presence.join('room'));
    const first = await settled(bob.presence.join('room'));
    await tick(200);
    const leaving = bob.presence.leave('room');
    const again = await settled(bob.presence.join('room'));
    await settled(leaving);
    await tick(3000);
    expect(again).not.toBe(first);
    expect(again.store.getState().status).toBe('subscribed');
    expect(bob.client.getChannels().filter((c) => c.topic === 'realtime:room')).toHaveLength(1);
    expect(alice.heardAbout('bob')).toEqual(['REMOTE_JOIN']);
  });

  it('lets the app leave a room the server already closed', async () => {
    // One presence call per join: the join's own track uses it, so setState's track closes the room.
    const strict = createWorld({ limits: { clientPresenceMaxCalls: 1 } });
    await strict.ready;
    try {
      const alice = strict.person('alice');
      const room = await settled(alice.presence.join('room'));
      await alice.presence.setState('room', { a: '1' });
      await until(() => room.store.getState().status === 'closed', 20_000);
      await settled(alice.presence.leave('room'), 100);
      expect(alice.presence.getRoom('room')).toBeUndefined();
    } finally {
      await settled(strict.close());
    }
  });
});
