import { describe, expect, it } from 'vitest';
import { isPresenceError, PRESENCE_ERROR_CODES } from '../../src/core/index.js';
import type { PresenceError } from '../../src/core/index.js';
import { whereNowDirectory } from '../../src/directory.js';
import { worldPerTest, settled, tick, until } from './helpers/loopback.js';

/** The PresenceError a promise rejects with (fails when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<PresenceError> {
  const outcome = await settled(
    promise.then(
      () => null,
      (error: unknown) => error,
    ),
  );
  if (!isPresenceError(outcome))
    throw new Error(`expected a PresenceError, got ${String(outcome)}`);
  return outcome;
}

const world = worldPerTest();

describe('joining and the Agora facade over the real client', () => {
  it('gives a joiner a SNAPSHOT with everyone and their states, and others a REMOTE_JOIN', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    await settled(alice.presence.join('room', { initialState: { mood: 'happy' } }));
    const room = await settled(bob.presence.join('room'));
    await tick(100);
    const snapshot = bob.events.find((e) => e.eventType === 'SNAPSHOT');
    expect(snapshot?.snapshot).toEqual([
      { userId: 'alice', states: { mood: 'happy' }, statesCount: 1 },
      { userId: 'bob', states: {}, statesCount: 0 },
    ]);
    expect(alice.heardAbout('bob')).toEqual(['REMOTE_JOIN']);
    expect(room.store.getState()).toMatchObject({
      status: 'subscribed',
      occupancy: 2,
      userIds: ['alice', 'bob'],
    });
    expect(room.store.getState().self?.isSelf).toBe(true);
  });

  it('merges setState, removes keys with removeState and tells others the full state', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room'));
    await alice.presence.setState('room', { mood: 'happy', seat: '3' });
    await alice.presence.setState('room', { mood: 'busy' });
    await tick(300);
    expect(await settled(bob.presence.getState('alice', 'room'))).toEqual({
      userId: 'alice',
      states: { mood: 'busy', seat: '3' },
      statesCount: 2,
    });
    expect(
      bob.events.filter((e) => e.eventType === 'REMOTE_STATE_CHANGED').at(-1)?.stateChanged,
    ).toEqual({ mood: 'busy', seat: '3' });
    await alice.presence.removeState('room', { states: ['seat'] });
    await tick(300);
    expect((await settled(bob.presence.getState('alice', 'room'))).states).toEqual({
      mood: 'busy',
    });
    await alice.presence.removeState('room');
    await tick(300);
    expect((await settled(bob.presence.getState('alice', 'room'))).statesCount).toBe(0);
  });

  it("accepts Agora's call shapes with a channel type", async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    await settled(alice.presence.join('room', { channelType: 'STREAM' }));
    await settled(bob.presence.join('room'));
    await alice.presence.setState('room', 'STREAM', { a: '1', b: '2' });
    await alice.presence.removeState('room', 'STREAM', { states: ['b'] });
    await tick(300);
    const who = await settled(bob.presence.whoNow('room', 'MESSAGE', { includedState: true }));
    expect(who.occupants.find((o) => o.userId === 'alice')?.states).toEqual({ a: '1' });
    expect((await settled(bob.presence.getState('alice', 'room', 'MESSAGE'))).states).toEqual({
      a: '1',
    });
    expect(
      (await rejection(alice.presence.setState('room', 'OTHER' as 'STREAM', { a: '1' }))).code,
    ).toBe('INVALID_ARGUMENT');
    expect(await settled(alice.presence.whereNow('alice'))).toEqual({
      totalChannel: 1,
      channels: [{ channelName: 'room', channelType: 'STREAM' }],
    });
  });

  it('rejects bad state with Agora codes and keeps the last good state everywhere', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    await settled(alice.presence.join('room', { initialState: { ok: 'yes' } }));
    await settled(bob.presence.join('room'));
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']));
    expect((await rejection(alice.presence.setState('room', many))).code).toBe(
      'STATE_COUNT_OVERFLOW',
    );
    const bad = await rejection(
      alice.presence.setState('room', { n: 5 } as unknown as Record<string, string>),
    );
    expect(bad).toMatchObject({
      error: true,
      code: 'INVALID_STATE_VALUE',
      errorCode: PRESENCE_ERROR_CODES.INVALID_STATE_VALUE,
      operation: 'setState',
    });
    expect((await rejection(alice.presence.setState('room', { constructor: 'x' }))).code).toBe(
      'INVALID_STATE_KEY',
    );
    expect((await rejection(alice.presence.setState('room', { ['k'.repeat(65)]: 'v' }))).code).toBe(
      'STATE_KEY_SIZE_OVERFLOW',
    );
    expect((await rejection(alice.presence.setState('room', { k: 'v'.repeat(257) }))).code).toBe(
      'STATE_VALUE_SIZE_OVERFLOW',
    );
    await tick(300);
    expect((await settled(alice.presence.getState('alice', 'room'))).states).toEqual({ ok: 'yes' });
    expect((await settled(bob.presence.getState('alice', 'room'))).states).toEqual({ ok: 'yes' });
  });

  it('answers getState of an absent user with USER_NOT_EXIST (-13011)', async () => {
    const alice = world.person('alice');
    await settled(alice.presence.join('room'));
    const error = await rejection(alice.presence.getState('nobody', 'room'));
    expect(error.code).toBe('USER_NOT_EXIST');
    expect(error.errorCode).toBe(-13011);
  });

  it('caches state set before joining and publishes it on join', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    await settled(bob.presence.join('room'));
    await alice.presence.setState('room', { seat: '1' });
    await alice.presence.setState('room', 'MESSAGE', { mic: 'on' });
    await alice.presence.removeState('room', { states: ['mic'] });
    await settled(alice.presence.join('room'));
    await tick(300);
    expect((await settled(bob.presence.getState('alice', 'room'))).states).toEqual({ seat: '1' });
    // Agora caches state for up to 100 channels; the 101st is refused.
    for (let i = 0; i < 100; i += 1) await alice.presence.setState(`later-${i}`, { a: '1' });
    expect((await rejection(alice.presence.setState('one-too-many', { a: '1' }))).code).toBe(
      'CACHED_TOO_MANY_STATES',
    );
  });

  it('answers calls on a channel never joined, and malformed calls, like Agora', async () => {
    const alice = world.person('alice');
    expect((await rejection(alice.presence.whoNow('nowhere'))).code).toBe('NOT_CONNECTED');
    expect((await rejection(alice.presence.getState('bob', 'nowhere'))).code).toBe('NOT_CONNECTED');
    expect((await rejection(alice.presence.removeState('nowhere'))).code).toBe('NOT_CONNECTED');
    expect((await rejection(alice.presence.leave('nowhere'))).code).toBe('NOT_CONNECTED');
    await settled(alice.presence.join('room'));
    expect(
      (
        await rejection(
          alice.presence.whoNow('room', { includedUserId: false, includedState: true }),
        )
      ).code,
    ).toBe('INVALID_ARGUMENT');
    expect((await rejection(alice.presence.join(''))).code).toBe('INVALID_ARGUMENT');
    expect(
      (await rejection(alice.presence.setState(42 as unknown as string, { a: '1' }))).code,
    ).toBe('INVALID_ARGUMENT');
    expect((await rejection(alice.presence.whoNow('room', 5 as unknown as undefined))).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(
      (await rejection(alice.presence.removeState('room', { states: [1] as unknown as string[] })))
        .code,
    ).toBe('INVALID_ARGUMENT');
    expect((await rejection(alice.presence.getState('', 'room'))).code).toBe('INVALID_ARGUMENT');
  });

  it('pages whoNow with bookmarks and counts without ids', async () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => world.person(id));
    for (const p of people) await settled(p.presence.join('room'));
    await tick(200);
    const first = await settled(people[0]!.presence.whoNow('room', { pageSize: 2 }));
    const second = await settled(
      people[0]!.presence.whoNow('room', { pageSize: 2, page: first.nextPage }),
    );
    expect([first, second].flatMap((r) => r.occupants.map((o) => o.userId))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(second.totalOccupancy).toBe(5);
    expect(await settled(people[0]!.presence.whoNow('room', { includedUserId: false }))).toEqual({
      totalOccupancy: 5,
      occupants: [],
      nextPage: '',
    });
  });

  it('knows where people are: itself exactly, others from shared rooms or the directory', async () => {
    const alice = world.person('alice', { directory: whereNowDirectory() });
    const bob = world.person('bob', { directory: whereNowDirectory() });
    await settled(alice.presence.join('lobby'));
    await settled(bob.presence.join('lobby'));
    await settled(bob.presence.join('secret'));
    // Directory lists ride the track budget: the trailing track lands within 30 s / 4.
    await tick(8000);
    expect((await settled(bob.presence.whereNow('bob'))).totalChannel).toBe(2);
    const seen = await settled(alice.presence.whereNow('bob'));
    expect(seen.channels.map((c) => c.channelName).sort()).toEqual(['lobby', 'secret']);
    const carol = world.person('carol');
    await settled(carol.presence.join('lobby'));
    await tick(200);
    expect((await settled(carol.presence.whereNow('bob'))).channels).toEqual([
      { channelName: 'lobby', channelType: 'MESSAGE' },
    ]);
    // Carol runs without the directory: Alice's directory has no entry for her, so the rooms
    // they share answer instead of an empty list.
    expect((await settled(alice.presence.whereNow('carol'))).channels).toEqual([
      { channelName: 'lobby', channelType: 'MESSAGE' },
    ]);
  });

  it('offers the Supabase view and app broadcasts on the same channel', async () => {
    const alice = world.person('alice');
    const bob = world.person('bob');
    const room = await settled(alice.presence.join('room'));
    const joins: string[] = [];
    room.onSupabasePresence(
      'join',
      (payload) => payload.event === 'join' && joins.push(payload.key),
    );
    const heard: unknown[] = [];
    room.onBroadcast('wave', (payload) => heard.push(payload));
    const bobRoom = await settled(bob.presence.join('room'));
    await tick(200);
    expect(joins).toContain('bob');
    expect(Object.keys(room.presenceState()).sort()).toEqual(['alice', 'bob']);
    expect(room.presenceState().bob?.[0]).toHaveProperty('presence_ref');
    await settled(bobRoom.sendBroadcast('wave', { hi: 1 }));
    await tick(100);
    expect(heard).toEqual([{ hi: 1 }]);
    expect((await rejection(bobRoom.sendBroadcast('pk:state', {}))).code).toBe('INVALID_ARGUMENT');
    expect(() => room.onBroadcast('pk:leave', () => undefined)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('batches REMOTE_* into INTERVAL events above the threshold while the store stays exact', async () => {
    const host = world.person('host', { intervalThreshold: 2, intervalMs: 1000 });
    const room = await settled(host.presence.join('big'));
    const guests = ['g1', 'g2', 'g3'].map((id) => world.person(id));
    for (const g of guests) await settled(g.presence.join('big'));
    await until(() => room.store.getState().occupancy === 4);
    await tick(1100);
    const intervals = host.events.filter((e) => e.eventType === 'INTERVAL');
    expect(intervals.length).toBeGreaterThan(0);
    expect(intervals.flatMap((e) => e.interval?.join.users ?? [])).toContain('g3');
    expect(host.heardAbout('g3')).toEqual([]);
  });

  it('keeps the room and the facade consistent after leave', async () => {
    const alice = world.person('alice');
    const room = await settled(alice.presence.join('room'));
    expect(alice.presence.getRoom('room')).toBe(room);
    await settled(alice.presence.leave('room'));
    expect(room.store.getState().status).toBe('closed');
    expect(alice.presence.getRoom('room')).toBeUndefined();
    expect((await rejection(alice.presence.whoNow('room'))).code).toBe('NOT_CONNECTED');
    expect((await settled(alice.presence.whereNow('alice'))).totalChannel).toBe(0);
    const again = await settled(alice.presence.join('room'));
    expect(again).not.toBe(room);
    expect(again.store.getState().status).toBe('subscribed');
  });
});
