import { afterEach, describe, expect, it } from 'vitest';
import { SEAT_STATE_KEYS, SPEAKING_LEVEL_EVENT } from '../../../src/core/models/seatState.js';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { destroyModels, holders, join, memoryStorage } from './seatHelpers.js';

// Enough Broadcast headroom for a level storm; presence limits stay the real ones.
const world = worldPerTest({ limits: { maxEventsPerSecond: 10_000 } });
afterEach(destroyModels);

/** Counts Broadcast frames of `event` sent to the hub. */
function countBroadcasts(event: string): { readonly n: number } {
  const counter = { n: 0 };
  world.hub.testing.onFrame((direction, _socket, frame) => {
    const payload = frame.payload as { event?: unknown } | null;
    if (direction === 'in' && frame.event === 'broadcast' && payload?.event === event)
      counter.n += 1;
  });
  return counter;
}

describe('mic seats: speaking levels', () => {
  it('sends at most 4 levels per second per speaker, by Broadcast only, and fades 1 s after the last', async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    await settled(bob.seats.takeSeat(0));
    await tick(31_000);
    const sent = countBroadcasts(SPEAKING_LEVEL_EVENT);
    const tracksBefore = world.tracks('stage');
    // An RTC SDK reporting every 50 ms for 3 s.
    for (let i = 0; i < 60; i += 1) {
      await bob.seats.setSpeakingLevel(0.3 + (i % 5) / 10);
      await tick(50);
    }
    expect(sent.n).toBeGreaterThanOrEqual(10);
    expect(sent.n).toBeLessThanOrEqual(13);
    expect(world.tracks('stage')).toBe(tracksBefore);
    expect(ann.seats.getSnapshot().seats[0]).toMatchObject({ userId: 'bob', speaking: true });
    expect(ann.seats.getSnapshot().seats[0]?.level).toBeGreaterThan(0.2);
    await tick(700);
    expect(ann.seats.getSnapshot().seats[0]?.speaking).toBe(true);
    await tick(600);
    expect(ann.seats.getSnapshot().seats[0]).toMatchObject({ speaking: false, level: 0 });
  });

  it('sends nothing for silence after the first quiet report, nor when unseated or muted', async () => {
    const bob = await join(world, 'bob');
    const sent = countBroadcasts(SPEAKING_LEVEL_EVENT);
    for (let i = 0; i < 10; i += 1) {
      await bob.seats.setSpeakingLevel(0.8);
      await tick(100);
    }
    expect(sent.n).toBe(0);
    await settled(bob.seats.takeSeat(1));
    await settled(bob.seats.setMuted(true));
    for (let i = 0; i < 10; i += 1) {
      await bob.seats.setSpeakingLevel(0.8);
      await tick(100);
    }
    expect(sent.n).toBe(0);
    await settled(bob.seats.setMuted(false));
    await bob.seats.setSpeakingLevel(0.8);
    await tick(300);
    for (let i = 0; i < 20; i += 1) {
      await bob.seats.setSpeakingLevel(0);
      await tick(100);
    }
    expect(sent.n).toBe(2);
  });

  it('ignores hostile level payloads', async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    await settled(bob.seats.takeSeat(2));
    await tick(300);
    const mallory = world.person('mallory');
    const room = await settled(mallory.presence.join('stage'));
    for (const payload of [
      { u: 'bob', l: 7 },
      { u: 'bob', l: -0.5 },
      { u: 'bob', l: '0.9' },
      { u: 'bob', l: null },
      { u: 42, l: 0.9 },
      { u: 'nobody-seated', l: 0.9 },
      { u: 'ann', l: 0.9 },
    ]) {
      await room.sendBroadcast(SPEAKING_LEVEL_EVENT, payload);
    }
    await tick(200);
    expect(ann.seats.getSnapshot().seats.map((s) => s.level)).toEqual([0, 0, 0, 0]);
  });
});

describe('mic seats: hostile state and rate limits', () => {
  it('ignores malformed claims: odd indexes, far-future claim times', async () => {
    const ann = await join(world, 'ann');
    const mallory = world.person('mallory');
    await settled(mallory.presence.join('stage'));
    const now = Date.now();
    for (const [seat, at] of [
      ['01', now],
      ['1e0', now],
      [' 1', now],
      ['4', now],
      ['-1', now],
      ['1', now + 3_600_000],
      ['1', 'soon'],
      ['1', '0x10'],
    ]) {
      await mallory.presence.setState('stage', {
        [SEAT_STATE_KEYS.seat]: String(seat),
        [SEAT_STATE_KEYS.seatAt]: String(at),
      });
      await tick(200);
      expect(holders(ann)).toEqual([null, null, null, null]);
    }
    // A far-future claim cannot jump the queue either: Ann takes the seat it aimed at.
    await settled(ann.seats.takeSeat(1));
    expect(holders(ann)[1]).toBe('ann');
  });

  it('never trips the presence rate limit, whatever the storm of seat actions', async () => {
    const host = await join(world, 'host');
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    const start = world.tracks('stage');
    const calls: Promise<unknown>[] = [];
    const push = (call: Promise<void>) => calls.push(call.catch((error: unknown) => error));
    for (let i = 0; i < 300; i += 1) {
      const who = i % 2 === 0 ? ann : bob;
      const seat = i % 4;
      if (i % 5 === 0) push(who.seats.setMuted(i % 3 === 0));
      else if (i % 7 === 0) push(who.seats.leaveSeat());
      else if (i % 11 === 0) push(host.seats[i % 2 ? 'lockSeat' : 'unlockSeat'](seat));
      else push(who.seats.takeSeat(seat));
      await tick(100);
    }
    await settled(Promise.all(calls));
    await tick(31_000);
    expect(world.hub.stats().shutdowns).toEqual({});
    // 30 s of storm and 31 s of calm on three joins: at most 4 tracks per join per 30 s window.
    expect(world.tracks('stage') - start).toBeLessThanOrEqual(3 * 4 * 3);
    // Everyone still agrees.
    expect(holders(ann)).toEqual(holders(bob));
    expect(holders(host)).toEqual(holders(bob));
  });

  it("keeps the host's locks through the host's reload", async () => {
    const tab = memoryStorage();
    const ann = await join(world, 'ann');
    const host = await join(world, 'host', { storage: tab });
    await settled(host.seats.lockSeat(1));
    await tick(300);
    await host.leave();
    const hostAgain = await join(world, 'host', { storage: tab });
    await tick(3000);
    expect(ann.seats.getSnapshot().seats[1]?.locked).toBe(true);
    expect(hostAgain.seats.getSnapshot().seats[1]?.locked).toBe(true);
  });
});
