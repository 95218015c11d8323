import { describe, expect, it } from 'vitest';
import { CURSOR_DEFAULTS } from '../../../src/core/index.js';
import { tick, worldPerTest } from '../helpers/loopback.js';
import { cursorMessages, cursorPeople } from './cursorPeople.js';

const world = worldPerTest();
const SECONDS = 10;
/** A pointer reports a move per frame at 60 Hz. */
const FRAME_MS = 16;
const STAGGER_MS = 97;

describe('createCursors send rate', () => {
  const rooms: [members: number, movers: number][] = [
    [2, 1],
    [2, 2],
    [5, 2],
    [5, 5],
    [10, 3],
    [10, 10],
  ];
  for (const [members, movers] of rooms) {
    it(`keeps a room of ${members} with ${movers} moving within the budget, and lands the last position`, async () => {
      const ids = Array.from({ length: members }, (_, i) => `u${i}`);
      const people = await cursorPeople(world, ids);
      const moving = people.slice(0, movers);
      const count = cursorMessages(world);
      for (let t = 0; t < SECONDS * 1000; t += FRAME_MS) {
        // Movers start out of step, as people do, so their sends do not line up.
        moving.forEach((p, i) => {
          if (t >= i * STAGGER_MS) p.cursors.move({ x: (t % 1000) / 1000, y: i / members });
        });
        await tick(FRAME_MS);
      }
      // Slack: each mover's first send goes out before it has heard the other movers.
      const budget = CURSOR_DEFAULTS.messagesPerSecond * SECONDS + movers * members;
      expect(count.total()).toBeLessThanOrEqual(budget);
      // The budget is used, not just respected: at least 80 % of it.
      expect(count.total()).toBeGreaterThanOrEqual(
        0.8 * CURSOR_DEFAULTS.messagesPerSecond * SECONDS,
      );
      expect(count.deliveries()).toBe(count.sends() * (members - 1));
      const interval = people[0]!.cursors.getSnapshot().sendIntervalMs;
      expect(interval).toBe(Math.max(40, (1000 * movers * members) / 50));
      // Everyone's last move arrives, however long the interval.
      moving.forEach((p, i) => p.cursors.move({ x: 0.123, y: i / members }));
      await tick(2 * interval + 100);
      for (const viewer of people)
        moving.forEach((p, i) => {
          if (p !== viewer) expect(viewer.sees(p.id)).toEqual({ x: 0.123, y: i / members });
        });
    });
  }

  it('counts every tab as a receiver: 3 users with 2 tabs each are budgeted as 6', async () => {
    // Each user twice: one tab each moves, the other only watches (and receives every send).
    const people = await cursorPeople(world, ['u0', 'u1', 'u2', 'u0', 'u1', 'u2']);
    const moving = people.slice(0, 2);
    const count = cursorMessages(world);
    for (let t = 0; t < SECONDS * 1000; t += FRAME_MS) {
      moving.forEach((p, i) => {
        if (t >= i * STAGGER_MS) p.cursors.move({ x: (t % 1000) / 1000, y: i / 3 });
      });
      await tick(FRAME_MS);
    }
    // Every send reaches the 5 other tabs, so the budget holds only if the interval counts 6.
    expect(count.deliveries()).toBe(count.sends() * 5);
    const budget = CURSOR_DEFAULTS.messagesPerSecond * SECONDS + 2 * 6;
    expect(count.total()).toBeLessThanOrEqual(budget);
    expect(count.total()).toBeGreaterThanOrEqual(0.8 * CURSOR_DEFAULTS.messagesPerSecond * SECONDS);
    // 2 movers × 6 receivers; the watching tabs, which count themselves too, never send.
    for (const person of moving)
      expect(person.cursors.getSnapshot().sendIntervalMs).toBe((1000 * 2 * 6) / 50);
  });
});
