import { describe, expect, it } from 'vitest';
import { DEFAULT_ANON_KEY } from '../../../src/server/hub/index.js';
import { HOSTS, useHost } from '../support/hosts.js';
import { subscribe, subscribeRecording, waitFor } from '../support/wait.js';

const REASON = 'TopicNameTooLong: topic name must be at most 256 characters';

describe.each(HOSTS)('topic name bound on the $name host', (hostDef) => {
  const host = useHost(hostDef);

  it('refuses a join of a 200,000-character topic; the socket and its other channel keep working', async () => {
    const client = host().client();
    const room = client.channel('room', { config: { broadcast: { self: true, ack: true } } });
    const got: unknown[] = [];
    room.on('broadcast', { event: 'hi' }, (m) => got.push(m.payload));
    await subscribe(room);
    const long = client.channel('t'.repeat(200_000));
    const log = subscribeRecording(long);
    await waitFor(() => log.errors.length > 0, 'join refused');
    expect(log.statuses[0]).toBe('CHANNEL_ERROR');
    expect(log.errors[0]).toBe(REASON);
    await long.unsubscribe();
    // The same socket still serves its joined channel.
    expect(await room.send({ type: 'broadcast', event: 'hi', payload: { n: 1 } })).toBe('ok');
    await waitFor(() => got.length > 0, 'own broadcast');
    expect(got).toEqual([{ n: 1 }]);
    const hub = host().hub;
    expect(hub.testing.inspect().sockets.flatMap((s) => s.channels.map((c) => c.topic))).toEqual([
      'realtime:room',
    ]);
    expect(Object.keys(hub.stats().topics)).toEqual(['realtime:room']);
  });

  it('admits a topic name of exactly the limit', async () => {
    const name = 'é'.repeat(host().hub.limits.maxTopicLength);
    // Presence, not broadcast: realtime-js cannot encode a binary broadcast push whose wire topic
    // is over 255 UTF-8 bytes (it throws before sending), whatever the server admits.
    const edge = host()
      .client()
      .channel(name, { config: { presence: { key: 'edge' } } });
    edge.on('presence', { event: 'sync' }, () => undefined);
    await subscribe(edge);
    expect(await edge.track({ here: true })).toBe('ok');
    await waitFor(() => Object.keys(edge.presenceState()).length > 0, 'own presence');
    expect(Object.keys(host().hub.presenceState(name))).toEqual(['edge']);
  });
});

describe.each(HOSTS)('REST broadcast to an over-long topic on the $name host', (hostDef) => {
  const host = useHost(hostDef);
  const headers = {
    authorization: `Bearer ${DEFAULT_ANON_KEY}`,
    'content-type': 'application/json',
  };
  const body = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
  const message = (topic: string) => ({ topic, event: 'e', payload: { a: 1 } });
  const error = 'topic name must be at most 256 characters';

  it('is refused with 422 and a clear message, by route and in a batch', async () => {
    const hub = host().hub;
    const long = 'x'.repeat(257);
    const single = await hub.handleRest({
      method: 'POST',
      path: `/realtime/v1/api/broadcast/${long}/events/e`,
      headers,
      body: body({ a: 1 }),
    });
    expect(single).toMatchObject({
      status: 422,
      body: JSON.stringify({ message: error, errors: { topic: [error] } }),
    });
    const batch = await hub.handleRest({
      method: 'POST',
      path: '/realtime/v1/api/broadcast',
      headers,
      body: body({ messages: [message('ok'), message(long)] }),
    });
    expect(batch).toMatchObject({
      status: 422,
      body: JSON.stringify({ errors: { messages: [error] } }),
    });
    const edge = await hub.handleRest({
      method: 'POST',
      path: '/realtime/v1/api/broadcast',
      headers,
      body: body({ messages: [message('x'.repeat(256))] }),
    });
    expect(edge.status).toBe(202);
  });

  it('makes an unjoined supabase-js send to such a topic report an error', async () => {
    const channel = host().client().channel('y'.repeat(300));
    expect(await channel.httpSend('e', { a: 1 }).catch((e: unknown) => String(e))).toMatch(
      /must be at most 256/,
    );
  });
});
