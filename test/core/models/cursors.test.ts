import { describe, expect, it } from 'vitest';
import { createCursors, CURSOR_EVENT } from '../../../src/core/index.js';
import { settled, tick, until, worldPerTest } from '../helpers/loopback.js';
import { cursorMessages, cursorPeople } from './cursorPeople.js';

const world = worldPerTest();

/** A bare client on the room's channel, sending whatever payloads it likes. */
async function intruder() {
  const channel = world.rawClient().channel('board');
  await settled(
    new Promise<void>((resolve) => channel.subscribe((s) => s === 'SUBSCRIBED' && resolve())),
  );
  return (payload: unknown) =>
    channel.send({ type: 'broadcast', event: CURSOR_EVENT, payload: payload as never });
}

describe('createCursors', () => {
  it('shows a move to the others as Broadcast only, and hides it on null', async () => {
    const [ann, bob, cat] = await cursorPeople(world, ['ann', 'bob', 'cat']);
    const count = cursorMessages(world);
    const tracks = world.tracks('board');
    ann!.cursors.move({ x: 0.25, y: 0.75 });
    await tick(20);
    expect(bob!.sees('ann')).toEqual({ x: 0.25, y: 0.75 });
    expect(cat!.cursors.getSnapshot().userIds).toEqual(['ann']);
    expect(cat!.cursors.getCursor('ann')?.occupant.state.name).toBe('ann');
    expect(ann!.cursors.getSnapshot().userIds).toEqual([]); // our own is not among the others
    expect(count.sends()).toBe(1);
    expect(count.deliveries()).toBe(2);
    ann!.cursors.move(null);
    await tick(100);
    expect(bob!.sees('ann')).toBeUndefined();
    expect(bob!.cursors.getSnapshot().userIds).toEqual([]);
    // A second hide changes nothing anyone sees: it is not sent.
    ann!.cursors.move(null);
    await tick(100);
    expect(count.sends()).toBe(2);
    expect(world.tracks('board')).toBe(tracks);
  });

  it('clamps coordinates to the surface and coalesces moves between sends', async () => {
    const [ann, bob] = await cursorPeople(world, ['ann', 'bob'], { minIntervalMs: 500 });
    const count = cursorMessages(world);
    ann!.cursors.move({ x: -3, y: 7 });
    await tick(20);
    expect(bob!.sees('ann')).toEqual({ x: 0, y: 1 });
    for (let i = 1; i <= 10; i++) ann!.cursors.move({ x: i / 20, y: 0.5 });
    await tick(20);
    expect(bob!.sees('ann')).toEqual({ x: 0, y: 1 }); // within the interval: held back
    await tick(500);
    expect(bob!.sees('ann')).toEqual({ x: 0.5, y: 0.5 }); // only the latest went out
    expect(count.sends()).toBe(2);
  });

  it('drops hostile payloads and keeps working', async () => {
    const [ann, bob] = await cursorPeople(world, ['ann', 'bob']);
    const send = await intruder();
    const forged: unknown[] = [
      { userId: 'ann', tab: 't', x: Number.NaN, y: 0.5 }, // NaN travels as null
      { userId: 'ann', tab: 't', x: '0.5', y: 0.5 },
      { userId: 'ann', tab: 't', x: 0.5 },
      { userId: 'ann', tab: 't', x: [0.5], y: 0.5 },
      { userId: 'ann', tab: 't', x: { valueOf: 0.5 }, y: 0.5 },
      { userId: 'ann', tab: 'x'.repeat(65), x: 0.5, y: 0.5 },
      { userId: 'a'.repeat(300), tab: 't', x: 0.5, y: 0.5 },
      { userId: ['ann'], tab: 't', x: 0.5, y: 0.5 },
      { userId: '__proto__', tab: 't', x: 0.5, y: 0.5 }, // not in the room
      { userId: 'ghost', tab: 't', x: 0.5, y: 0.5 }, // not in the room
      { userId: 'bob', tab: 't', x: 0.5, y: 0.5 }, // bob's own id, to bob
      { __proto__: { userId: 'ann', tab: 't', x: 0.5, y: 0.5 } },
      { userId: 'ann', tab: 't', x: 0.5, y: 0.5, pad: 'x'.repeat(100_000) }.pad,
      'ann',
      null,
    ];
    for (const payload of forged) await send(payload);
    await tick(100);
    expect(bob!.cursors.getSnapshot().userIds).toEqual([]);
    expect(bob!.cursors.getCursor('__proto__')).toBeUndefined();
    expect(bob!.cursors.getCursor('toString')).toBeUndefined();
    // Huge numbers are finite: clamped onto the surface, never off it.
    await send({ userId: 'ann', tab: 't', x: 1e308, y: -1e308 });
    await tick(20);
    expect(bob!.sees('ann')).toEqual({ x: 1, y: 0 });
    ann!.cursors.move({ x: 0.3, y: 0.4 });
    await tick(100);
    expect(bob!.sees('ann')).toEqual({ x: 0.3, y: 0.4 });
  });

  it('removes a cursor at once when its user leaves', async () => {
    const [ann, bob] = await cursorPeople(world, ['ann', 'bob']);
    ann!.cursors.move({ x: 0.5, y: 0.5 });
    await tick(20);
    expect(bob!.cursors.getSnapshot().userIds).toEqual(['ann']);
    await settled(ann!.presence.leave('board'));
    await tick(20);
    // Still inside the leave debounce, yet the cursor is gone.
    expect(bob!.room.store.getState().occupants.get('ann')?.status).toBe('leaving');
    expect(bob!.cursors.getSnapshot().userIds).toEqual([]);
    expect(bob!.sees('ann')).toBeUndefined();
  });

  it('shows the cursors at rest to a model made later, at one ask and one repeat each', async () => {
    const [ann, bob, cat] = await cursorPeople(world, ['ann', 'bob', 'cat']);
    ann!.cursors.move({ x: 0.4, y: 0.6 });
    bob!.cursors.move({ x: 0.1, y: 0.2 });
    await tick(2000);
    cat!.cursors.destroy(); // cat's whiteboard closes, and opens again later
    const count = cursorMessages(world);
    const later = createCursors(cat!.room);
    await tick(200);
    expect(later.getSnapshot().userIds).toEqual(['ann', 'bob']);
    expect(later.getCursor('ann')).toMatchObject({ x: 0.4, y: 0.6 });
    expect(count.sends()).toBe(3); // the ask, and ann's and bob's repeats
    // An ask from anyone costs a repeat at the sender's pace, never more.
    const send = await intruder();
    for (let i = 0; i < 20; i++) await send({ userId: 'ghost', tab: `t${i}`, ask: true });
    await tick(200);
    expect(count.sends()).toBeLessThanOrEqual(3 + 20 + 2 * 3);
    expect(later.getCursor('bob')).toMatchObject({ x: 0.1, y: 0.2 });
  });

  it('asks again after a reconnect, so cursors at rest that moved meanwhile are current', async () => {
    const [ann, bob] = await cursorPeople(world, ['ann', 'bob']);
    ann!.cursors.move({ x: 0.4, y: 0.6 });
    await tick(200);
    const count = cursorMessages(world);
    world.hub.testing.dropSocket(world.socketsOf('bob')[0]!);
    await tick(20);
    // Ann moves while bob is away, then rests: only an ask on his rejoin brings it to him.
    ann!.cursors.move({ x: 0.7, y: 0.2 });
    await until(() => bob!.room.store.getState().status === 'subscribed');
    await tick(200);
    expect(bob!.sees('ann')).toEqual({ x: 0.7, y: 0.2 });
    expect(count.sends()).toBe(3); // ann's move, bob's ask on rejoin, ann's repeat
  });

  it('shows one cursor for a user with two tabs: the latest tab wins', async () => {
    const [ann, bob] = await cursorPeople(world, ['ann', 'bob']);
    const [ann2] = await cursorPeople(world, ['ann']);
    ann!.cursors.move({ x: 0.1, y: 0.1 });
    await tick(20);
    ann2!.cursors.move({ x: 0.9, y: 0.9 });
    await tick(20);
    expect(bob!.cursors.getSnapshot().userIds).toEqual(['ann']);
    expect(bob!.sees('ann')).toEqual({ x: 0.9, y: 0.9 });
    // The tab that is not shown losing the pointer does not hide the one that is.
    ann!.cursors.move(null);
    await tick(100);
    expect(bob!.sees('ann')).toEqual({ x: 0.9, y: 0.9 });
    ann2!.cursors.move(null);
    await tick(100);
    expect(bob!.sees('ann')).toBeUndefined();
    // Our own other tab is not an other: ann's first tab shows no cursor for ann.
    expect(ann!.cursors.getSnapshot().userIds).toEqual([]);
  });

  it('wakes membership listeners on a cursor appearing or going, and a cursor listener on its moves', async () => {
    const [ann, bob, cat] = await cursorPeople(world, ['ann', 'bob', 'cat']);
    const wakes = { all: 0, ann: 0, cat: 0 };
    bob!.cursors.subscribe(() => wakes.all++);
    bob!.cursors.subscribeCursor('ann', () => wakes.ann++);
    bob!.cursors.subscribeCursor('cat', () => wakes.cat++);
    ann!.cursors.move({ x: 0.1, y: 0.1 });
    await tick(100);
    const appeared = bob!.cursors.getSnapshot();
    expect(wakes).toEqual({ all: 1, ann: 1, cat: 0 });
    const first = bob!.cursors.getCursor('ann');
    for (let i = 2; i <= 5; i++) {
      ann!.cursors.move({ x: i / 10, y: 0.1 });
      await tick(100);
    }
    expect(wakes).toEqual({ all: 1, ann: 5, cat: 0 });
    expect(bob!.cursors.getSnapshot()).toBe(appeared);
    expect(bob!.cursors.getCursor('ann')).not.toBe(first);
    cat!.cursors.move({ x: 0.5, y: 0.5 });
    await tick(100);
    expect(wakes.all).toBe(2);
    expect(bob!.cursors.getSnapshot().userIds).toEqual(['ann', 'cat']);
    ann!.cursors.move(null);
    await tick(100);
    expect(wakes).toEqual({ all: 3, ann: 6, cat: 1 });
    expect(bob!.cursors.getSnapshot().userIds).toEqual(['cat']);
  });

  it('follows the room in its send interval: members, movers, and movers going quiet', async () => {
    const [ann, bob] = await cursorPeople(world, ['ann', 'bob'], { messagesPerSecond: 20 });
    const interval = () => ann!.cursors.getSnapshot().sendIntervalMs;
    expect(interval()).toBe(100); // 1000 × 1 mover × 2 members ÷ 20
    await cursorPeople(world, ['cat', 'dan']);
    expect(interval()).toBe(200);
    bob!.cursors.move({ x: 0.5, y: 0.5 });
    await tick(20);
    expect(interval()).toBe(400); // bob moves too
    await tick(1000);
    expect(interval()).toBe(200); // a second of quiet: bob no longer counts
  });

  it('tells the others to hide our cursor on destroy, and stops listening', async () => {
    const [ann, bob] = await cursorPeople(world, ['ann', 'bob']);
    ann!.cursors.move({ x: 0.5, y: 0.5 });
    bob!.cursors.move({ x: 0.2, y: 0.2 });
    await tick(100);
    ann!.cursors.destroy();
    await tick(100);
    expect(bob!.sees('ann')).toBeUndefined();
    bob!.cursors.move({ x: 0.3, y: 0.3 });
    ann!.cursors.move({ x: 0.9, y: 0.9 });
    await tick(100);
    expect(ann!.sees('bob')).toBeUndefined();
    expect(bob!.sees('ann')).toBeUndefined();
  });

  it('rejects a budget or an interval that is not a number in range', async () => {
    const [ann] = await cursorPeople(world, ['ann']);
    expect(() => createCursors(ann!.room, { messagesPerSecond: 0 })).toThrow(RangeError);
    expect(() => createCursors(ann!.room, { messagesPerSecond: Infinity })).toThrow(RangeError);
    expect(() => createCursors(ann!.room, { minIntervalMs: -1 })).toThrow(RangeError);
    expect(() => createCursors(ann!.room, { minIntervalMs: Number.NaN })).toThrow(RangeError);
  });
});
