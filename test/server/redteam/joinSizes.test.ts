import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../../src/server/hub/index.js';
import { parseJoinConfig } from '../../../src/server/hub/joinConfig.js';
import { hubSocket } from '../support/hubSocket.js';

let hub: Hub;
beforeEach(() => (hub = createHub()));
afterEach(() => hub.close());

describe('client-chosen sizes in a join', () => {
  it('refuses a 100,000-character join_ref; the socket keeps its other channel', async () => {
    const c = await hubSocket(hub);
    c.send(['1', 'a', 'realtime:room', 'phx_join', {}]);
    await c.reply('a');
    c.send(['r'.repeat(100_000), 'b', 'realtime:big', 'phx_join', {}]);
    const refused = await c.reply('b');
    expect(refused[4]).toEqual({
      status: 'error',
      response: { reason: 'InvalidJoinRef: join_ref must be at most 255 characters' },
    });
    c.send([
      '1',
      'c',
      'realtime:room',
      'broadcast',
      { type: 'broadcast', event: 'e', payload: {} },
    ]);
    await c.sentinel('s');
    const channels = hub.testing.inspect().sockets.flatMap((s) => s.channels);
    expect(channels.map((ch) => [ch.topic, ch.joinRef])).toEqual([['realtime:room', '1']]);
    expect(c.frames.filter((f) => f[1] === 'c')).toEqual([]);
    expect(hub.stats().topics['realtime:room']?.in.broadcast).toBe(1);
  });

  it('echoes postgres_changes bindings in the reply but keeps none of them on the channel', async () => {
    const bindings = Array.from({ length: 10_000 }, (_, i) => ({
      event: '*',
      schema: 'public',
      table: `t${String(i)}`,
    }));
    const payload = { config: { postgres_changes: bindings } };
    // The channel's config is a few flags and the key, whatever the join carried.
    expect(JSON.stringify(parseJoinConfig(payload)).length).toBeLessThan(200);
    const c = await hubSocket(hub);
    c.send(['1', 'j', 'realtime:room', 'phx_join', payload]);
    const reply = (await c.reply('j'))[4] as { response: { postgres_changes: unknown[] } };
    expect(reply.response.postgres_changes).toHaveLength(10_000);
    expect(reply.response.postgres_changes[9_999]).toEqual({ ...bindings[9_999], id: 10_000 });
  });
});
