import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEAT_STATE_KEYS } from '../../../src/core/models/seatState.js';
import { settled, tick, until, worldPerTest } from '../helpers/loopback.js';
import { destroyModels, holders, join, memoryStorage, outcome } from './seatHelpers.js';

const world = worldPerTest();
afterEach(destroyModels);

describe('mic seats: claims', () => {
  it('resolves two simultaneous claims the same way everywhere: the tie goes to the lower user id', async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    // Same instant, neither has seen the other: equal claim times, so the user id decides.
    const bobClaim = outcome(bob.seats.takeSeat(1));
    const annClaim = outcome(ann.seats.takeSeat(1));
    await until(() => annClaim.value !== 'pending' && bobClaim.value !== 'pending');
    expect(annClaim.value).toBe('ok');
    expect(bobClaim.value).toBe('SEAT_TAKEN');
    await tick(300);
    expect(holders(ann)).toEqual([null, 'ann', null, null]);
    expect(holders(bob)).toEqual([null, 'ann', null, null]);
    expect(ann.seats.getSnapshot().mySeat).toBe(1);
    expect(bob.seats.getSnapshot().mySeat).toBeNull();
    // The loser withdrew: its claim can never come back when the winner leaves.
    expect(bob.room.store.getState().self?.state[SEAT_STATE_KEYS.seat]).toBe('');
  });

  it('gives the seat to the earlier claim whatever the user ids', async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    const bobClaim = outcome(bob.seats.takeSeat(2));
    vi.setSystemTime(Date.now() + 5);
    const annClaim = outcome(ann.seats.takeSeat(2));
    await until(() => annClaim.value !== 'pending' && bobClaim.value !== 'pending');
    expect(bobClaim.value).toBe('ok');
    expect(annClaim.value).toBe('SEAT_TAKEN');
    await tick(300);
    expect(holders(ann)).toEqual([null, null, 'bob', null]);
    expect(holders(bob)).toEqual([null, null, 'bob', null]);
  });

  it('refuses a seat someone visibly holds at once, and moves a seated user', async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    await settled(ann.seats.takeSeat(0));
    await tick(200);
    await expect(bob.seats.takeSeat(0)).rejects.toMatchObject({ code: 'SEAT_TAKEN' });
    await settled(ann.seats.takeSeat(3));
    await tick(200);
    expect(holders(bob)).toEqual([null, null, null, 'ann']);
    await settled(ann.seats.moveSeat(2));
    await tick(200);
    expect(holders(bob)).toEqual([null, null, 'ann', null]);
    await settled(ann.seats.leaveSeat());
    await tick(200);
    expect(holders(bob)).toEqual([null, null, null, null]);
    expect(ann.seats.getSnapshot().mySeat).toBeNull();
  });

  it('rejects seat indexes outside 0 … seatCount − 1 with INVALID_ARGUMENT', async () => {
    const ann = await join(world, 'ann');
    for (const bad of [-1, 4, 1.5, Number.NaN, '1' as unknown as number]) {
      await expect(ann.seats.takeSeat(bad)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    await expect(ann.seats.setSpeakingLevel(2)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(holders(ann)).toEqual([null, null, null, null]);
  });

  it('shows a late joiner the seats and the host locks at once', async () => {
    const host = await join(world, 'host');
    const ann = await join(world, 'ann');
    await settled(ann.seats.takeSeat(1));
    await settled(host.seats.lockSeat(3));
    await tick(500);
    const cat = await join(world, 'cat');
    expect(holders(cat)).toEqual([null, 'ann', null, null]);
    expect(cat.seats.getSnapshot().seats.map((s) => s.locked)).toEqual([false, false, false, true]);
  });
});

describe('mic seats: the host', () => {
  it('refuses lock, unlock and kick from anyone but the host', async () => {
    await join(world, 'host');
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    await settled(bob.seats.takeSeat(0));
    for (const action of [
      () => ann.seats.lockSeat(1),
      () => ann.seats.unlockSeat(1),
      () => ann.seats.kickSeat(0),
    ]) {
      await expect(action()).rejects.toMatchObject({ code: 'NOT_HOST' });
    }
    await tick(300);
    expect(holders(ann)).toEqual(['bob', null, null, null]);
  });

  it('locks a seat against claims, frees a kicked seat everywhere, and unlocks', async () => {
    const host = await join(world, 'host');
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    await settled(host.seats.lockSeat(2));
    await tick(300);
    await expect(ann.seats.takeSeat(2)).rejects.toMatchObject({ code: 'SEAT_LOCKED' });
    await settled(bob.seats.takeSeat(1));
    await settled(host.seats.kickSeat(1));
    await tick(500);
    for (const who of [host, ann, bob]) expect(holders(who)).toEqual([null, null, null, null]);
    expect(bob.room.store.getState().self?.state[SEAT_STATE_KEYS.seat]).toBe('');
    await settled(host.seats.unlockSeat(2));
    await tick(300);
    await settled(ann.seats.takeSeat(2));
    await tick(300);
    expect(holders(bob)).toEqual([null, null, 'ann', null]);
  });

  it('ignores host state written by anyone else', async () => {
    const ann = await join(world, 'ann');
    const mallory = world.person('mallory');
    await settled(mallory.presence.join('stage'));
    await mallory.presence.setState('stage', { [SEAT_STATE_KEYS.host]: `${Date.now()};f;` });
    await tick(300);
    expect(ann.seats.getSnapshot().seats.some((s) => s.locked)).toBe(false);
    await settled(ann.seats.takeSeat(0));
    expect(holders(ann)[0]).toBe('ann');
  });
});

describe('mic seats: mute, leave and reload', () => {
  it('shows mute to everyone', async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    await settled(ann.seats.takeSeat(0));
    await settled(ann.seats.setMuted(true));
    await tick(300);
    expect(bob.seats.getSnapshot().seats[0]).toMatchObject({ userId: 'ann', muted: true });
    await settled(ann.seats.setMuted(false));
    await tick(300);
    expect(bob.seats.getSnapshot().seats[0]).toMatchObject({ userId: 'ann', muted: false });
  });

  it("frees a leaver's seat only after the leave debounce", async () => {
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob');
    await settled(bob.seats.takeSeat(3));
    await tick(300);
    await bob.leave();
    await tick(1000);
    expect(holders(ann)[3]).toBe('bob');
    await tick(1500);
    expect(holders(ann)[3]).toBeNull();
  });

  it('keeps the seat through a reload, with the same claim time', async () => {
    const tab = memoryStorage();
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob', { storage: tab });
    await settled(bob.seats.takeSeat(1));
    await tick(300);
    const claimedAt = bob.room.store.getState().self?.state[SEAT_STATE_KEYS.seatAt];
    await bob.leave();
    const seen: (string | null)[] = [];
    const stop = ann.seats.subscribe(() => seen.push(holders(ann)[1] ?? null));
    const bobAgain = await join(world, 'bob', { storage: tab });
    await tick(3000);
    stop();
    expect(holders(ann)[1]).toBe('bob');
    expect(bobAgain.seats.getSnapshot().mySeat).toBe(1);
    expect(bobAgain.room.store.getState().self?.state[SEAT_STATE_KEYS.seatAt]).toBe(claimedAt);
    expect(seen).not.toContain(null);
  });

  it('lets a seat taken after the debounce stay with its new holder when the old one returns', async () => {
    const tab = memoryStorage();
    const ann = await join(world, 'ann');
    const bob = await join(world, 'bob', { storage: tab });
    await settled(bob.seats.takeSeat(1));
    await tick(300);
    await bob.leave();
    await tick(3000);
    await settled(ann.seats.takeSeat(1));
    await tick(300);
    const bobAgain = await join(world, 'bob', { storage: tab });
    await tick(1000);
    expect(holders(ann)[1]).toBe('ann');
    expect(holders(bobAgain)[1]).toBe('ann');
  });
});
