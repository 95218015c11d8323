import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/server/hub/index.js';
import { hubSocket } from './support/hubSocket.js';

const keys = (record: object) => Object.keys(record).length;

describe('bounded stats', () => {
  it('keeps the counters bounded after 50,000 frames with unique topics and events from one socket', async () => {
    const hub = createHub({ limits: { maxEventsPerSecond: 1e9 } });
    const c = await hubSocket(hub);
    c.send(['1', '1', 'realtime:room', 'phx_join', {}]);
    await c.sentinel('joined');
    for (let i = 0; i < 25_000; i += 1) {
      c.send([null, `a${String(i)}`, `realtime:t${String(i)}`, `e${String(i)}`, {}]);
      c.send(['1', `b${String(i)}`, 'realtime:room', `on-room-${String(i)}`, {}]);
    }
    await c.sentinel('done');
    const stats = hub.stats();
    const max = hub.limits.maxStatsKeys;
    // 50,000 unique names: at most `max` of them, plus the overflow bucket, plus ours.
    expect(keys(stats.framesIn)).toBeLessThanOrEqual(max + 1);
    expect(stats.framesIn['(other)']).toBeGreaterThan(49_000 - max);
    expect(Object.keys(stats.topics)).toEqual(['realtime:room']);
    expect(keys(stats.topics['realtime:room']!.in)).toBeLessThanOrEqual(max + 1);
    expect(keys(stats.framesOut)).toBe(1);
    expect(stats.framesOut['phx_reply']).toBe(25_000 + 2 + 1);
    hub.close();
  });

  it('leaves nothing behind after 4,000 rooms were joined and left', async () => {
    const hub = createHub({ limits: { maxEventsPerSecond: 1e9 } });
    const c = await hubSocket(hub);
    for (let i = 0; i < 4000; i += 1) {
      // Joins are async (token check), so later frames queue behind them: wait now and then.
      if (i % 1000 === 999) await c.sentinel(`batch-${String(i)}`);
      const topic = `realtime:room-${String(i)}`;
      c.send([
        String(i),
        `j${String(i)}`,
        topic,
        'phx_join',
        { config: { presence: { key: 'k' } } },
      ]);
      c.send([String(i), `p${String(i)}`, topic, 'presence', { event: 'track', payload: {} }]);
      c.send([String(i), `l${String(i)}`, topic, 'phx_leave', {}]);
    }
    await c.sentinel('done');
    expect(c.frames.filter((f) => f[3] === 'phx_close')).toHaveLength(4000);
    expect(hub.stats().topics).toEqual({});
    expect(hub.testing.inspect().topics).toEqual({});
    expect(hub.stats().channels).toBe(0);
    expect(keys(hub.stats().framesIn)).toBe(4);
    hub.close();
  });

  it('counts a room’s frames while it is open', async () => {
    const hub = createHub();
    const c = await hubSocket(hub);
    c.send([
      '1',
      '1',
      'realtime:room',
      'phx_join',
      { config: { presence: { key: 'k', enabled: true } } },
    ]);
    c.send(['1', '2', 'realtime:room', 'presence', { event: 'track', payload: {} }]);
    c.send(['1', '3', 'realtime:room', 'broadcast', { event: 'x', payload: {} }]);
    await c.sentinel('s');
    expect(hub.stats().topics['realtime:room']).toEqual({
      in: { phx_join: 1, presence: 1, broadcast: 1 },
      out: { phx_reply: 2, presence_state: 1 },
      presence: { track: 1, untrack: 0 },
    });
    hub.close();
  });
});
