import { afterEach, describe, expect, it } from 'vitest';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { destroyModels, join } from './seatHelpers.js';

const world = worldPerTest();
afterEach(destroyModels);

describe('mic seats: snapshots', () => {
  it('publishes frozen snapshots that a later change never alters, keeping unchanged seats', async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    await settled(ann.seats.takeSeat(1));
    await settled(bob.seats.takeSeat(2));
    await tick(300);
    const before = ann.seats.getSnapshot();
    expect(Object.isFrozen(before)).toBe(true);
    expect(Object.isFrozen(before.seats)).toBe(true);
    expect(before.seats.every((seat) => Object.isFrozen(seat))).toBe(true);

    await settled(bob.seats.setMuted(true));
    await tick(300);
    const after = ann.seats.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.seats).not.toBe(before.seats);
    expect(Object.isFrozen(after.seats)).toBe(true);
    expect(after.seats[2]).toMatchObject({ userId: 'bob', muted: true });
    // The earlier snapshot still shows what it showed: nothing is shared that changes.
    expect(before.seats[2]).toMatchObject({ userId: 'bob', muted: false });
    for (const index of [0, 1, 3]) expect(after.seats[index]).toBe(before.seats[index]);
  });

  it("rebuilds only the seat a host lock touches: the others keep their objects and don't wake", async () => {
    const host = await join(world, 'host');
    const ann = await join(world, 'ann');
    await settled(ann.seats.takeSeat(0));
    await tick(300);
    const before = ann.seats.getSnapshot().seats;
    const woken: number[] = [];
    const stops = [0, 1, 2, 3].map((index) =>
      ann.seats.subscribeSeat(index, () => woken.push(index)),
    );
    // A new host state re-checks every seat; only seat 3 shows anything new.
    await settled(host.seats.lockSeat(3));
    await tick(300);
    const after = ann.seats.getSnapshot().seats;
    expect(after[3]).toMatchObject({ locked: true, userId: null });
    for (const index of [0, 1, 2]) expect(after[index]).toBe(before[index]);
    expect(woken).toEqual([3]);
    for (const stop of stops) stop();
  });

  it('keeps the very snapshot when a change shows nothing new on any seat', async () => {
    const ann = await join(world, 'ann');
    const carol = world.person('carol');
    await settled(carol.presence.join('stage'));
    await settled(ann.seats.takeSeat(0));
    await tick(300);
    const before = ann.seats.getSnapshot();
    let all = 0;
    const stop = ann.seats.subscribe(() => (all += 1));
    // Carol has no seat: her state change is nothing to the seats.
    await settled(carol.presence.setState('stage', { mood: 'happy' }));
    await tick(300);
    expect(ann.room.store.getState().occupants.get('carol')?.state.mood).toBe('happy');
    expect(ann.seats.getSnapshot()).toBe(before);
    expect(all).toBe(0);
    stop();
  });
});
