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
});
