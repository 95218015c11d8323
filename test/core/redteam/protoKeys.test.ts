import { describe, expect, it } from 'vitest';
import { settled, tick, until, worldPerTest } from '../helpers/loopback.js';
import { rawMember } from './rawMember.js';

const world = worldPerTest();

function meta(connectionId: string, n: string): Record<string, unknown> {
  const proof = '2'.repeat(32);
  return { connectionId, version: 1, proof, state: { n }, updatedAt: Date.now() };
}

describe.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])(
  'a member keyed %s',
  (key) => {
    it('is reconciled like anyone else across our rejoin, and breaks nobody else', async () => {
      const alice = world.person('alice');
      const room = await settled(alice.presence.join('room'));
      const bob = world.person('bob');
      await settled(bob.presence.join('room', { initialState: { n: 'bob' } }));
      const first = await rawMember(world.hub, 'room', key);
      first.track(meta('m1', 'one'));
      await tick(300);
      const shown = () => room.store.getState().occupants.get(key)?.connections.length;
      expect(shown()).toBe(1);
      // While our socket is down the key gains a meta: the rejoin's presence_state lists both.
      world.hub.testing.dropSocket(world.socketsOf('alice')[0] as string);
      await until(() => room.store.getState().status === 'reconnecting');
      const second = await rawMember(world.hub, 'room', key);
      second.track(meta('m2', 'two'));
      await until(() => room.store.getState().status === 'subscribed' && shown() === 2, 30_000);
      await tick(500);
      expect(shown()).toBe(2);
      expect(room.store.getState().occupants.get('bob')?.state).toEqual({ n: 'bob' });
      expect(room.store.getState().occupancy).toBe(3);
    });
  },
);
