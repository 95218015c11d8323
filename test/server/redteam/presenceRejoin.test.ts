import { describe, expect, it } from 'vitest';
import { createHub } from '../../../src/server/hub/index.js';
import { PresenceBudgets } from '../../../src/server/hub/presenceBudgets.js';
import { hubSocket, type HubSocketClient } from '../support/hubSocket.js';

/** A clock that moves only when told. */
function manualClock(start = Date.now()) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

let seq = 0;
/** Joins `topic` with presence, tracks once, leaves; resolves with the track's outcome. */
async function cycle(c: HubSocketClient, topic: string): Promise<'ok' | 'shut down'> {
  const n = String((seq += 1));
  c.send([n, `j${n}`, topic, 'phx_join', { config: { presence: { key: 'k' } } }]);
  await c.reply(`j${n}`);
  c.send([n, `t${n}`, topic, 'presence', { event: 'track', payload: { n } }]);
  c.send([n, `l${n}`, topic, 'phx_leave', {}]);
  await c.reply(`l${n}`);
  const trackReply = c.frames.find((f) => f[1] === `t${n}` && f[3] === 'phx_reply');
  const shut = c.frames.some((f) => f[0] === n && f[3] === 'system');
  return trackReply && !shut ? 'ok' : 'shut down';
}

describe('the client presence rate across leave and rejoin', () => {
  it('keeps one budget per socket and topic: cycling joins does not buy more tracks', async () => {
    const clock = manualClock();
    const hub = createHub({ now: clock.now });
    const c = await hubSocket(hub);
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i += 1) outcomes.push(await cycle(c, 'realtime:room'));
    // 5 calls per 30 s of the hub clock, however many joins they are spread over.
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'shut down', 'shut down', 'shut down']);
    expect(hub.stats().shutdowns).toEqual({ 'Client presence rate limit exceeded': 3 });
    // Another topic has its own budget; the window passing restores this one.
    expect(await cycle(c, 'realtime:other')).toBe('ok');
    clock.t += 30_000;
    expect(await cycle(c, 'realtime:room')).toBe('ok');
    hub.close();
  });

  it('gives a new socket its own budget', async () => {
    const clock = manualClock();
    const hub = createHub({ now: clock.now });
    const a = await hubSocket(hub);
    for (let i = 0; i < 6; i += 1) await cycle(a, 'realtime:room');
    const b = await hubSocket(hub);
    expect(await cycle(b, 'realtime:room')).toBe('ok');
    hub.close();
  });
});

describe('PresenceBudgets', () => {
  it('keeps at most maxTopics windows, dropping idle ones first, and still refuses a busy topic', () => {
    const clock = manualClock(0);
    const budgets = new PresenceBudgets(2, 1000, 10, clock.now);
    expect([budgets.hit('busy'), budgets.hit('busy'), budgets.hit('busy')]).toEqual([
      true,
      true,
      false,
    ]);
    for (let i = 0; i < 9; i += 1) budgets.hit(`old${String(i)}`);
    expect(budgets.size).toBe(10);
    clock.t = 500;
    budgets.hit('busy');
    // 'busy' is still in its window; the nine others are too: the first made goes for the new one.
    budgets.hit('new');
    expect(budgets.size).toBe(10);
    clock.t = 1001;
    // Every window made at 0 is idle now, 'busy' included (its calls were at 0).
    budgets.hit('newer');
    expect(budgets.size).toBeLessThanOrEqual(2);
    for (let i = 0; i < 1000; i += 1) budgets.hit(`t${String(i)}`);
    expect(budgets.size).toBeLessThanOrEqual(10);
  });
});
