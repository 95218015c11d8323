import { describe, expect, it } from 'vitest';
import { isPresenceError } from '../../../src/core/index.js';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';

const world = worldPerTest();

/** What a promise settles to: its value, or the error it rejects with. */
function outcome<T>(promise: Promise<T>): Promise<T | unknown> {
  return settled(
    promise.then(
      (value) => value,
      (error: unknown) => error,
    ),
  );
}

describe('a destroyed presence', () => {
  it('refuses to join again: no channel is opened, no join reaches the server', async () => {
    const ann = world.person('ann');
    await settled(ann.presence.join('lobby'));
    await settled(ann.presence.destroy());
    const joinsBefore = world.hub.stats().framesIn.phx_join ?? 0;

    const again = await outcome(ann.presence.join('lobby'));
    await tick(200);
    expect(isPresenceError(again) && again.code).toBe('OPERATION_FAILED');
    expect(isPresenceError(again) && again.operation).toBe('join');
    expect(ann.client.getChannels()).toHaveLength(0);
    expect(ann.presence.getRoom('lobby')).toBeUndefined();
    expect(world.hub.stats().framesIn.phx_join ?? 0).toBe(joinsBefore);
  });

  it('rejects setState and removeState instead of keeping state for a join that cannot come', async () => {
    const ann = world.person('ann');
    await settled(ann.presence.destroy());
    for (const call of [
      () => ann.presence.setState('lobby', { mood: 'x' }),
      () => ann.presence.removeState('lobby'),
    ]) {
      const result = await outcome(call());
      expect(isPresenceError(result) && result.code).toBe('OPERATION_FAILED');
    }
  });

  it('can be destroyed twice', async () => {
    const ann = world.person('ann');
    await settled(ann.presence.join('lobby'));
    await settled(ann.presence.destroy());
    await expect(settled(ann.presence.destroy())).resolves.toBeUndefined();
  });
});
