import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OccupantStatus } from '../../src/core/index.js';
import { createWorld, settled, tick, until } from './helpers/loopback.js';
import type { World } from './helpers/loopback.js';

let world: World;
afterEach(async () => {
  await settled(world.close());
  vi.useRealTimers();
});

describe('our own reconnects', () => {
  beforeEach(async () => {
    vi.useFakeTimers();
    world = createWorld();
    await world.ready;
  });

  it('keeps others visible as stale while our socket is down, then reconciles with no join/leave noise', async () => {
    const alice = world.person('alice', { staleAfterMs: 0 });
    const bob = world.person('bob');
    const room = await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room', { initialState: { seat: '1' } }));
    await tick(200);
    const idsBefore = room.store.getState().userIds;
    const eventsBefore = alice.events.length;
    const seen: { status: string; bob: OccupantStatus | undefined }[] = [];
    room.store.subscribe((s) =>
      seen.push({ status: s.status, bob: s.occupants.get('bob')?.status }),
    );
    world.hub.testing.dropSocket(world.socketsOf('alice')[0]!);
    await until(() => room.store.getState().status === 'reconnecting');
    expect(room.store.getState().occupants.get('bob')?.status).toBe('stale');
    await until(
      () =>
        room.store.getState().status === 'subscribed' &&
        room.store.getState().occupants.get('bob')?.status === 'online',
    );
    await tick(3000);
    expect(seen.map((s) => s.bob)).toContain('stale');
    expect(room.store.getState().userIds).toBe(idsBefore);
    expect(room.store.getState().occupants.get('bob')?.state).toEqual({ seat: '1' });
    expect(alice.events.slice(eventsBefore)).toEqual([]);
    // Bob joined after Alice (she was in his SNAPSHOT); her blip must not reach him as leave/join.
    expect(bob.heardAbout('alice')).toEqual([]);
    expect(world.hub.stats().shutdowns).toEqual({});
  });

  it('re-renders nothing for others when the blip is shorter than staleAfterMs', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    const room = await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room'));
    await tick(200);
    const bobRecord = room.store.getState().occupants.get('bob');
    const bobChanges: number[] = [];
    room.subscribeUser('bob', () => bobChanges.push(1));
    world.hub.testing.dropSocket(world.socketsOf('alice')[0]!);
    await until(() => room.store.getState().status === 'reconnecting');
    await until(() => room.store.getState().status === 'subscribed');
    await tick(4000);
    expect(bobChanges).toEqual([]);
    expect(room.store.getState().occupants.get('bob')).toBe(bobRecord);
  });

  it('learns on rejoin who left while we were away', async () => {
    const alice = world.person('alice', { staleAfterMs: 0 });
    const bob = world.person('bob');
    const carol = world.person('carol');
    const room = await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room'));
    await settled(carol.presence.join('room'));
    await tick(200);
    alice.client.realtime.disconnect();
    await until(() => room.store.getState().status === 'reconnecting');
    await settled(carol.presence.leave('room'));
    await tick(100);
    alice.client.realtime.connect();
    await until(() => room.store.getState().status === 'subscribed');
    await tick(2500);
    expect(room.store.getState().userIds).toEqual(['alice', 'bob']);
    expect(room.store.getState().occupants.get('bob')?.status).toBe('online');
    expect(alice.heardAbout('carol')).toEqual(['REMOTE_JOIN', 'REMOTE_TIMEOUT']);
    expect(alice.heardAbout('bob')).toEqual(['REMOTE_JOIN']);
  });
});

describe('channel status mapping', () => {
  it('maps a server shutdown to closed plus a CHANNEL_SHUTDOWN error', async () => {
    vi.useFakeTimers();
    world = createWorld({ limits: { clientPresenceMaxCalls: 1 } });
    await world.ready;
    const alice = world.person('alice');
    const room = await settled(alice.presence.join('room'));
    await alice.presence.setState('room', { a: '1' });
    await until(() => room.store.getState().status === 'closed', 20_000);
    const error = alice.errors.find((e) => e.code === 'CHANNEL_SHUTDOWN');
    expect(error?.reason).toMatch(/presence rate limit/i);
    expect(room.store.getState().lastError).toBe(error);
    expect((await settled(alice.presence.whereNow('alice'))).totalChannel).toBe(0);
  });

  it('fails the join when the server refuses the channel', async () => {
    vi.useFakeTimers();
    world = createWorld();
    await world.ready;
    const alice = world.person('alice', { private: true });
    const join = alice.presence.join('vip');
    const outcome = await settled(
      join.then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(outcome).toMatchObject({ code: 'OPERATION_FAILED', operation: 'join' });
    expect(alice.presence.getRoom('vip')).toBeUndefined();
    expect(alice.errors.map((e) => e.code)).toContain('OPERATION_FAILED');
  });
});
