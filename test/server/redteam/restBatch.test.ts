import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANON_KEY, createHub } from '../../../src/server/hub/index.js';
import { hubSocket } from '../support/hubSocket.js';

const hub = createHub({ limits: { maxEventsPerSecond: 10 } });
afterEach(() => hub.close());

describe('a REST batch of many messages', () => {
  it('is held to the event rate message by message, not once per request', async () => {
    const member = await hubSocket(hub);
    member.send(['1', '1', 'realtime:room', 'phx_join', {}]);
    await member.reply('1');
    const messages = Array.from({ length: 2000 }, (_, i) => ({
      topic: 'room',
      event: 'e',
      payload: { i },
    }));
    const res = await hub.handleRest({
      method: 'POST',
      path: '/realtime/v1/api/broadcast',
      headers: { authorization: `Bearer ${DEFAULT_ANON_KEY}`, 'content-type': 'application/json' },
      body: new TextEncoder().encode(JSON.stringify({ messages })),
    });
    await member.sentinel('s');
    const delivered = member.frames.filter((f) => f[3] === 'broadcast').length;
    // 10 per second over 60 s: 600 events, each message one send and one delivery here.
    expect(delivered).toBeLessThanOrEqual(301);
    expect(delivered).toBeGreaterThan(0);
    expect(res.status).toBe(429);
  });
});
