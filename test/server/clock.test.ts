import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/server/hub/index.js';
import { hubSocket } from './support/hubSocket.js';
import { waitFor } from './support/wait.js';

/** A clock that moves only when told. */
function manualClock(start = Date.now()) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

describe('the hub clock (HubOptions.now)', () => {
  it('times idle sockets out by the hub clock, not by the wall clock', async () => {
    const clock = manualClock();
    const hub = createHub({ idleTimeoutMs: 40, now: clock.now });
    const c = await hubSocket(hub);
    // The sweeper runs every 10 ms of real time; by the hub's clock no time passes.
    c.send([null, 'a', 'phoenix', 'heartbeat', {}]);
    await c.reply('a');
    clock.t += 39;
    c.send([null, 'b', 'phoenix', 'heartbeat', {}]);
    await c.reply('b');
    expect(c.closeCode()).toBe(0);
    clock.t += 41;
    await waitFor(() => c.closeCode() === 1000, 'idle close');
    expect(hub.stats().closes).toEqual({ 'idle timeout': 1 });
    hub.close();
  });

  it('counts presence calls in a window of the hub clock', async () => {
    const clock = manualClock();
    const hub = createHub({ now: clock.now });
    const c = await hubSocket(hub);
    c.send(['1', 'j', 'realtime:room', 'phx_join', { config: { presence: { key: 'k' } } }]);
    await c.reply('j');
    const track = (i: number) =>
      c.send([
        '1',
        `t${String(i)}`,
        'realtime:room',
        'presence',
        { event: 'track', payload: { i } },
      ]);
    for (let i = 0; i < 5; i += 1) track(i);
    await c.reply('t4');
    clock.t += 30_000;
    for (let i = 5; i < 10; i += 1) track(i);
    await c.reply('t9');
    expect(hub.stats().shutdowns).toEqual({});
    track(10);
    await waitFor(() => c.frames.some((f) => f[3] === 'phx_close'), 'shutdown');
    expect(hub.stats().shutdowns).toEqual({ 'Client presence rate limit exceeded': 1 });
    hub.close();
  });
});
