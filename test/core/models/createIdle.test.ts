import { describe, expect, it } from 'vitest';
import { createIdle, type IdleModel, type Presence, type Room } from '../../../src/core/index.js';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';

const world = worldPerTest();
const AWAY_MS = 10_000;

/** A tab of `userId` in `lobby` with an idle model driven by hand (`activity: false`). */
async function tab(userId: string, state: Record<string, string> = {}) {
  const { presence } = world.person(userId);
  const room = await settled(presence.join('lobby', { initialState: state }));
  const idle = createIdle(target(presence, room), { awayAfterMs: AWAY_MS, activity: false });
  return { presence, room, idle };
}

function target(presence: Presence, room: Room) {
  return {
    store: room.store,
    setState: (patch: Record<string, string>) => presence.setState('lobby', patch),
    removeState: (options: { states: string[] }) => presence.removeState('lobby', options),
  };
}

/** What an observer in the room sees of `userId`'s state. */
async function observer() {
  const room = await settled(world.person('watcher').presence.join('lobby'));
  return (userId: string) => room.store.getState().occupants.get(userId)?.state;
}

function modes(idle: IdleModel): string[] {
  const seen: string[] = [];
  idle.subscribe(() => seen.push(idle.getSnapshot()));
  return seen;
}

describe('createIdle', () => {
  it('sets status to away after awayAfterMs of quiet and restores the previous value on activity', async () => {
    const ann = await tab('ann', { status: 'busy' });
    const stateOf = await observer();
    const seen = modes(ann.idle);
    ann.idle.start();
    await tick(AWAY_MS - 100);
    expect(stateOf('ann')?.status).toBe('busy');
    await tick(300);
    expect(ann.idle.getSnapshot()).toBe('away');
    expect(stateOf('ann')?.status).toBe('away');
    expect(stateOf('ann')?.idle).toMatch(/^away:\d+$/);
    ann.idle.activity();
    await tick(300);
    expect(ann.idle.getSnapshot()).toBe('active');
    expect(stateOf('ann')).toEqual({ status: 'busy', idle: expect.stringMatching(/^active:\d+$/) });
    expect(seen).toEqual(['away', 'active']);
  });

  it('stays active while activity keeps coming, with no state writes', async () => {
    const ann = await tab('ann', { status: 'busy' });
    const stateOf = await observer();
    const before = world.hub.stats().framesIn.broadcast ?? 0;
    ann.idle.start();
    for (let i = 0; i < 30; i++) {
      ann.idle.activity();
      await tick(AWAY_MS / 3);
    }
    expect(ann.idle.getSnapshot()).toBe('active');
    expect(stateOf('ann')?.status).toBe('busy');
    expect(world.hub.stats().framesIn.broadcast ?? 0).toBe(before);
  });

  it('removes the status again when there was none before', async () => {
    const ann = await tab('ann', { mood: 'ok' });
    const stateOf = await observer();
    ann.idle.start();
    await tick(AWAY_MS + 200);
    expect(stateOf('ann')?.status).toBe('away');
    ann.idle.activity();
    await tick(300);
    expect(stateOf('ann')?.status).toBeUndefined();
    expect(stateOf('ann')?.mood).toBe('ok');
  });

  it('keeps a user with two tabs active while either tab is in use', async () => {
    const one = await tab('ann', { status: 'busy' });
    const two = await tab('ann', { status: 'busy' });
    const stateOf = await observer();
    one.idle.start();
    two.idle.start();
    // Tab two is in use; tab one goes quiet and away, and tab two takes the user back.
    for (let t = 0; t < AWAY_MS * 2; t += 1000) {
      two.idle.activity();
      await tick(1000);
    }
    expect(one.idle.getSnapshot()).toBe('away');
    expect(two.idle.getSnapshot()).toBe('active');
    expect(stateOf('ann')?.status).toBe('busy');
    // Now both are quiet: away.
    await tick(AWAY_MS + 500);
    expect(two.idle.getSnapshot()).toBe('away');
    expect(stateOf('ann')?.status).toBe('away');
    // Activity in either tab brings the user back, again and again.
    one.idle.activity();
    await tick(300);
    expect(stateOf('ann')?.status).toBe('busy');
    for (let t = 0; t < AWAY_MS * 2; t += 1000) {
      one.idle.activity();
      await tick(1000);
    }
    two.idle.activity();
    await tick(AWAY_MS + 500);
    expect(two.idle.getSnapshot()).toBe('away');
    expect(stateOf('ann')?.status).toBe('away');
    two.idle.activity();
    await tick(300);
    expect(stateOf('ann')?.status).toBe('busy');
  });

  it('leaves an away the user chose alone', async () => {
    const ann = await tab('ann', { status: 'busy' });
    const stateOf = await observer();
    ann.idle.start();
    await settled(ann.presence.setState('lobby', { status: 'away' }));
    await tick(300);
    ann.idle.activity();
    await tick(300);
    expect(stateOf('ann')?.status).toBe('away');
    await tick(AWAY_MS + 300);
    ann.idle.activity();
    await tick(300);
    expect(stateOf('ann')?.status).toBe('away');
  });

  it('stops watching on stop() and refuses a bad awayAfterMs', async () => {
    const ann = await tab('ann', { status: 'busy' });
    const stop = ann.idle.start();
    expect(ann.idle.start()).toBe(stop);
    stop();
    await tick(AWAY_MS * 2);
    expect(ann.idle.getSnapshot()).toBe('active');
    expect(() => createIdle(target(ann.presence, ann.room), { awayAfterMs: -1 })).toThrow(
      RangeError,
    );
  });
});
