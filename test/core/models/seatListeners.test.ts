import { afterEach, describe, expect, it } from 'vitest';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { destroyModels, join } from './seatHelpers.js';

const world = worldPerTest();
afterEach(destroyModels);

describe('mic seats: per-seat subscriptions', () => {
  it("wakes a seat's listeners for that seat's changes only, with the seat object already new", async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    const woken: number[] = [];
    let all = 0;
    const seen: unknown[] = [];
    const stops = [0, 1, 2, 3].map((index) =>
      ann.seats.subscribeSeat(index, () => {
        woken.push(index);
        seen.push(ann.seats.getSnapshot().seats[index]);
      }),
    );
    const stopAll = ann.seats.subscribe(() => (all += 1));
    await settled(bob.seats.takeSeat(2));
    await tick(300);
    expect(woken).toEqual([2]);
    expect(seen).toEqual([expect.objectContaining({ userId: 'bob', muted: false })]);
    expect(all).toBe(1);

    woken.length = 0;
    await settled(bob.seats.moveSeat(0));
    await tick(300);
    // One change, two seats: the one left and the one taken, each woken once.
    expect([...woken].sort()).toEqual([0, 2]);
    expect(ann.seats.getSnapshot().seats[2]?.userId).toBeNull();

    woken.length = 0;
    await settled(bob.seats.setMuted(true));
    await tick(300);
    expect(woken).toEqual([0]);
    expect(ann.seats.getSnapshot().seats[0]).toMatchObject({ userId: 'bob', muted: true });

    woken.length = 0;
    stops[0]?.();
    await settled(bob.seats.setMuted(false));
    await tick(300);
    expect(ann.seats.getSnapshot().seats[0]).toMatchObject({ userId: 'bob', muted: false });
    expect(woken).toEqual([]);
    stopAll();
    for (const stop of stops) stop();
  });

  it("keeps mySeat right as our claim moves and goes, waking 'mine' for our seat only", async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    const mine: (number | null)[] = [];
    const stop = ann.seats.subscribeSeat('mine', () => mine.push(ann.seats.getSnapshot().mySeat));
    await settled(ann.seats.takeSeat(1));
    await settled(bob.seats.takeSeat(3));
    await tick(300);
    expect(ann.seats.getSnapshot().mySeat).toBe(1);
    await settled(bob.seats.moveSeat(0));
    await tick(300);
    expect(ann.seats.getSnapshot().mySeat).toBe(1);
    await settled(ann.seats.moveSeat(2));
    await tick(300);
    expect(ann.seats.getSnapshot().mySeat).toBe(2);
    expect(bob.seats.getSnapshot().mySeat).toBe(0);
    await settled(ann.seats.setMuted(true));
    await tick(300);
    await settled(ann.seats.leaveSeat());
    await tick(300);
    expect(ann.seats.getSnapshot().mySeat).toBeNull();
    // Taken, moved, muted, left: Bob's claim and move woke nothing here.
    expect(mine).toEqual([1, 2, 2, null]);
    stop();
  });
});
