import { describe, expect, it } from 'vitest';
import {
  createTyping,
  TYPING_EVENT,
  type Presence,
  type Room,
  type TypingModel,
} from '../../../src/core/index.js';
import { settled, tick, worldPerTest, type World } from '../helpers/loopback.js';

const world = worldPerTest();

/** Joins `ids` to `room`; returns their rooms and typing models, each subscribed. */
async function people(w: World, ids: string[], timeoutMs?: number) {
  const out: {
    id: string;
    presence: Presence;
    room: Room;
    typing: TypingModel;
    names: () => string[];
  }[] = [];
  for (const id of ids) {
    const { presence } = w.person(id);
    const room = await settled(presence.join('chat', { initialState: { name: id.toUpperCase() } }));
    const typing = createTyping(room, timeoutMs === undefined ? {} : { timeoutMs });
    typing.subscribe(() => {});
    out.push({
      id,
      presence,
      room,
      typing,
      names: () => typing.getSnapshot().typers.map((t) => t.profile.name),
    });
  }
  await tick(200);
  return out;
}

/** Counts typing broadcasts the hub received, and presence calls on the room. */
function hubCounter(w: World) {
  let typing = 0;
  w.hub.testing.onFrame((dir, _socket, frame) => {
    const payload = frame.payload as { event?: unknown } | undefined;
    if (dir === 'in' && frame.event === 'broadcast' && payload?.event === TYPING_EVENT) typing++;
  });
  const presenceCalls = () => w.hub.stats().topics['realtime:chat']?.in.presence ?? 0;
  const before = presenceCalls();
  return { typingFrames: () => typing, presenceCalls: () => presenceCalls() - before };
}

describe('createTyping', () => {
  it('shows a typer at once and costs one start plus a keep-alive per 2 s, 0 presence calls', async () => {
    const [ann, bob] = await people(world, ['ann', 'bob']);
    const hub = hubCounter(world);
    ann!.typing.keystroke();
    expect(ann!.typing.getSnapshot().isTyping).toBe(true);
    await tick(20);
    expect(bob!.names()).toEqual(['ANN']);
    expect(hub.typingFrames()).toBe(1);
    // A 10 s burst, a keystroke every 100 ms.
    for (let i = 0; i < 100; i++) {
      ann!.typing.keystroke();
      await tick(100);
    }
    expect(bob!.names()).toEqual(['ANN']);
    expect(hub.typingFrames()).toBeGreaterThanOrEqual(5);
    expect(hub.typingFrames()).toBeLessThanOrEqual(6);
    expect(hub.presenceCalls()).toBe(0);
    expect(world.tracks('chat')).toBe(2); // the two joins' own tracks, nothing since
  });

  it('clears a typer at once on stop()', async () => {
    const [ann, bob] = await people(world, ['ann', 'bob']);
    ann!.typing.keystroke();
    await tick(20);
    expect(bob!.names()).toEqual(['ANN']);
    ann!.typing.stop();
    expect(ann!.typing.getSnapshot().isTyping).toBe(false);
    await tick(20);
    expect(bob!.names()).toEqual([]);
  });

  it('drops a typer after timeoutMs without a keep-alive, and keeps one whose keep-alives come', async () => {
    const [ann, bob, cat] = await people(world, ['ann', 'bob', 'cat'], 3000);
    ann!.typing.keystroke();
    cat!.typing.keystroke();
    await tick(2100);
    cat!.typing.keystroke(); // a keep-alive, 2.1 s after the start
    await tick(800);
    expect(bob!.names()).toEqual(['ANN', 'CAT']);
    await tick(200); // 3.1 s after ann's only signal
    expect(bob!.names()).toEqual(['CAT']);
    expect(ann!.typing.getSnapshot().isTyping).toBe(false);
    await tick(2100);
    expect(bob!.names()).toEqual([]);
  });

  it('publishes no new snapshot on a keep-alive', async () => {
    const [ann, bob] = await people(world, ['ann', 'bob']);
    let changes = 0;
    bob!.typing.subscribe(() => changes++);
    ann!.typing.keystroke();
    await tick(20);
    const first = bob!.typing.getSnapshot();
    for (let i = 0; i < 30; i++) {
      ann!.typing.keystroke();
      await tick(200);
    }
    expect(changes).toBe(1);
    expect(bob!.typing.getSnapshot()).toBe(first);
  });

  it('lists typers in the order they started', async () => {
    const [ann, bob, cat, dan] = await people(world, ['ann', 'bob', 'cat', 'dan']);
    dan!.typing.keystroke();
    await tick(20);
    ann!.typing.keystroke();
    await tick(20);
    cat!.typing.keystroke();
    await tick(20);
    expect(bob!.names()).toEqual(['DAN', 'ANN', 'CAT']);
    ann!.typing.stop();
    await tick(20);
    ann!.typing.keystroke();
    await tick(20);
    expect(bob!.names()).toEqual(['DAN', 'CAT', 'ANN']);
  });

  it('drops a typer at once when they leave the room', async () => {
    const [ann, bob] = await people(world, ['ann', 'bob']);
    ann!.typing.keystroke();
    await tick(20);
    expect(bob!.names()).toEqual(['ANN']);
    await settled(ann!.presence.leave('chat'));
    await tick(20);
    // Still inside the leave debounce (2 s), yet no longer typing.
    expect(bob!.room.store.getState().occupants.get('ann')?.status).toBe('leaving');
    expect(bob!.names()).toEqual([]);
  });

  it('follows a typer renaming themselves while typing', async () => {
    const [ann, bob] = await people(world, ['ann', 'bob']);
    ann!.typing.keystroke();
    await tick(20);
    const first = bob!.typing.getSnapshot().typers[0];
    await settled(ann!.presence.setState('chat', { name: 'Annie' }));
    await tick(200);
    expect(bob!.names()).toEqual(['Annie']);
    expect(bob!.typing.getSnapshot().typers[0]?.startedAt).toBe(first?.startedAt);
  });

  it('keeps a user typing while another of their tabs still types', async () => {
    const [bob] = await people(world, ['bob']);
    const tab1 = await settled(world.person('ann').presence.join('chat'));
    const tab2 = await settled(world.person('ann').presence.join('chat'));
    const t1 = createTyping(tab1);
    const t2 = createTyping(tab2);
    await tick(200);
    t1.keystroke();
    t2.keystroke();
    await tick(20);
    t1.stop();
    await tick(20);
    expect(bob!.typing.getSnapshot().typers.map((t) => t.userId)).toEqual(['ann']);
    t2.stop();
    await tick(20);
    expect(bob!.typing.getSnapshot().typers).toEqual([]);
  });

  it('ignores our own signals, users not in the room and malformed payloads', async () => {
    const [, bob] = await people(world, ['ann', 'bob']);
    const mallory = world.rawClient().channel('chat');
    await new Promise<void>((resolve) => mallory.subscribe((s) => s === 'SUBSCRIBED' && resolve()));
    const forged: unknown[] = [
      { userId: 'ghost', tab: 't', typing: true }, // not in the room
      { userId: 'bob', tab: 't', typing: true }, // bob's own id, to bob
      { userId: 'ann', tab: 't', typing: 'yes' },
      { userId: 'ann', tab: 'x'.repeat(65), typing: true },
      { userId: 'a'.repeat(300), tab: 't', typing: true },
      { userId: ['ann'], tab: 't', typing: true },
      'ann',
      null,
    ];
    for (const payload of forged)
      await mallory.send({ type: 'broadcast', event: TYPING_EVENT, payload: payload as never });
    await tick(100);
    expect(bob!.typing.getSnapshot().typers).toEqual([]);
    // One user cannot pose as a crowd of tabs: past 8 tabs, more are ignored.
    for (let i = 0; i < 50; i++)
      await mallory.send({
        type: 'broadcast',
        event: TYPING_EVENT,
        payload: { userId: 'ann', tab: `t${i}`, typing: true },
      });
    await tick(100);
    expect(bob!.names()).toEqual(['ANN']);
    await tick(5000);
    expect(bob!.names()).toEqual([]);
  });

  it('rejects a timeout that is not a positive number', async () => {
    const [ann] = await people(world, ['ann']);
    expect(() => createTyping(ann!.room, { timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createTyping(ann!.room, { timeoutMs: Number.NaN })).toThrow(RangeError);
  });

  it('listens only while subscribed, and stops typing on destroy', async () => {
    const [ann, bob] = await people(world, ['ann', 'bob']);
    const lazy = createTyping(bob!.room);
    ann!.typing.keystroke();
    await tick(20);
    expect(lazy.getSnapshot().typers).toEqual([]);
    ann!.typing.destroy();
    await tick(20);
    expect(bob!.names()).toEqual([]);
  });
});
