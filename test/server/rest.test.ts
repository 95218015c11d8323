import { describe, expect, it } from 'vitest';
import { DEFAULT_ANON_KEY, createHub, signToken } from '../../src/server/hub/index.js';
import { startRealtimeServer } from '../../src/server/node/index.js';

const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
const auth = { authorization: `Bearer ${DEFAULT_ANON_KEY}`, 'content-type': 'application/json' };

describe('REST routes of the hub', () => {
  const hub = createHub({ limits: { maxPayloadSizeKb: 1 } });
  const post = (path: string, body: Uint8Array, headers: Record<string, string> = auth) =>
    hub.handleRest({ method: 'POST', path, headers, body });

  it('accepts a valid batch with 202 and an empty body', async () => {
    const res = await post(
      '/realtime/v1/api/broadcast',
      enc({ messages: [{ topic: 't', event: 'e', payload: { a: 1 }, id: 'm1' }] }),
    );
    expect(res).toMatchObject({ status: 202, body: '' });
  });

  it('refuses a missing, non-JWT or foreign token with 401 Unauthorized, preferring Bearer over apikey', async () => {
    const body = enc({ messages: [{ topic: 't', event: 'e', payload: {} }] });
    const foreign = await signToken('some-other-secret-with-32-characters!!', { role: 'anon' });
    expect((await post('/realtime/v1/api/broadcast', body, {})).body).toBe(
      '{"message":"Unauthorized"}',
    );
    expect(
      (await post('/realtime/v1/api/broadcast', body, { apikey: 'sb_publishable_x' })).status,
    ).toBe(401);
    expect(
      (
        await post('/realtime/v1/api/broadcast', body, {
          authorization: `Bearer ${foreign}`,
          apikey: DEFAULT_ANON_KEY,
        })
      ).status,
    ).toBe(401);
    expect(
      (await post('/realtime/v1/api/broadcast', body, { apikey: DEFAULT_ANON_KEY })).status,
    ).toBe(202);
  });

  it('answers invalid or oversize batches with 422 errors', async () => {
    expect(
      (await post('/realtime/v1/api/broadcast', enc({ messages: [{ topic: 't' }] }))).status,
    ).toBe(422);
    const big = await post(
      '/realtime/v1/api/broadcast',
      enc({ messages: [{ topic: 't', event: 'e', payload: { s: 'x'.repeat(2000) } }] }),
    );
    expect(big).toMatchObject({
      status: 422,
      body: '{"errors":{"messages":["Payload size exceeds tenant limit"]}}',
    });
  });

  it('serves health and 404s unknown routes', async () => {
    const get = (path: string) =>
      hub.handleRest({ method: 'GET', path, headers: {}, body: new Uint8Array() });
    expect((await get('/health')).status).toBe(200);
    expect((await get('/realtime/v1/health')).status).toBe(200);
    expect((await get('/realtime/v1/api/nothing')).status).toBe(404);
  });
});

describe('REST over the Node host', () => {
  it('answers CORS preflight and adds CORS headers to responses', async () => {
    const server = await startRealtimeServer({ port: 0 });
    try {
      const pre = await fetch(`${server.url}/realtime/v1/api/broadcast`, { method: 'OPTIONS' });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('access-control-allow-headers')).toContain('apikey');
      const res = await fetch(
        `${server.url}/realtime/v1/api/broadcast/room%201%2Fx/events/evt?apikey=x&vsn=2.0.0`,
        {
          method: 'POST',
          headers: { apikey: server.anonKey, 'content-type': 'application/json' },
          body: '{"a":1}',
        },
      );
      expect(res.status).toBe(202);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await server.close();
    }
  });
});
