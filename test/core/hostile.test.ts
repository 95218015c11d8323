import { describe, expect, it } from 'vitest';
import { worldPerTest, settled, tick } from './helpers/loopback.js';

const world = worldPerTest();

const garbage: [string, Record<string, unknown>][] = [
  [
    '__proto__ keys',
    { connectionId: 'm1', version: 1, state: JSON.parse('{"__proto__":{"isAdmin":"yes"}}') },
  ],
  ['numbers', { connectionId: 'm2', version: 1, state: { seat: 3 } }],
  ['a 1 MB string', { connectionId: 'm3', version: 1, state: { bio: 'x'.repeat(1_000_000) } }],
  [
    '1000 keys',
    {
      connectionId: 'm4',
      version: 1,
      state: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 'v'])),
    },
  ],
  ['no kit fields at all', { name: 'mallory', online_at: 1 }],
];

describe('hostile peers', () => {
  it.each(garbage)(
    'never lets a tracked meta with %s into the store, and reports it',
    async (_label, payload) => {
      const alice = world.person('alice');
      const room = await settled(alice.presence.join('room'));
      const mallory = world
        .rawClient()
        .channel('room', { config: { presence: { key: 'mallory', enabled: true } } });
      mallory.subscribe((status) => {
        if (status === 'SUBSCRIBED') void mallory.track(payload);
      });
      await tick(300);
      expect(room.store.getState().occupants.has('mallory')).toBe(false);
      expect(room.store.getState().occupancy).toBe(1);
      expect(alice.errors.map((e) => e.code)).toContain('INVALID_REMOTE_PAYLOAD');
      expect(alice.events.filter((e) => e.publisher === 'mallory')).toEqual([]);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );

  it('drops forged or malformed pk: broadcasts and keeps the real state', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    const room = await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room', { initialState: { mood: 'calm' } }));
    await tick(200);
    const mallory = world.rawClient().channel('room');
    mallory.subscribe();
    await tick(200);
    const bobConnection = room.store.getState().occupants.get('bob')?.connections[0]?.connectionId;
    for (const payload of [
      { userId: 'bob', connectionId: bobConnection, version: 99, state: { mood: 1 } },
      { userId: 'bob', connectionId: bobConnection, version: 'x', state: { mood: 'evil' } },
      {
        userId: 'bob',
        connectionId: bobConnection,
        version: 100,
        state: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v'])),
      },
      'not an object',
    ]) {
      await mallory.send({
        type: 'broadcast',
        event: 'pk:state',
        payload: payload as Record<string, unknown>,
      });
    }
    await mallory.send({ type: 'broadcast', event: 'pk:leave', payload: { userId: 7 } });
    // Drops are reported coalesced: the first at once, the rest counted at the window's end.
    await tick(1300);
    expect(room.store.getState().occupants.get('bob')?.state).toEqual({ mood: 'calm' });
    const dropped = alice.errors
      .filter((e) => e.code === 'INVALID_REMOTE_PAYLOAD')
      .reduce((sum, e) => sum + ((e as { count?: number }).count ?? 1), 0);
    expect(dropped).toBeGreaterThanOrEqual(5);
  });
});
