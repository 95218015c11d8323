import { describe, expect, it } from 'vitest';
import { decodeUserBroadcast, encodeBroadcastPush } from '../../src/server/protocol/index.js';
import { HOSTS, useHost } from './support/hosts.js';
import { rawClient } from './support/rawClient.js';

const JOIN = {
  config: {
    broadcast: { self: true },
    presence: { key: 'raw', enabled: true },
    postgres_changes: [],
    private: false,
  },
};
const isReply = (ref: string) => (f: any) =>
  Array.isArray(f) && f[3] === 'phx_reply' && f[1] === ref;

describe.each(HOSTS)('exact frames on the $name host (vsn 2.0.0)', (hostDef) => {
  const host = useHost(hostDef);

  it('replies to a heartbeat with an ok reply on the phoenix topic', async () => {
    const c = await rawClient(host());
    c.send([null, '7', 'phoenix', 'heartbeat', {}]);
    expect(await c.next(isReply('7'), 'heartbeat reply')).toEqual([
      null,
      '7',
      'phoenix',
      'phx_reply',
      { status: 'ok', response: {} },
    ]);
  });

  it('answers a join with the response object, then presence_state with the join_ref and a null ref', async () => {
    const c = await rawClient(host());
    c.send([
      '6',
      '6',
      'realtime:r',
      'phx_join',
      { config: { ...JOIN.config, postgres_changes: [{ event: '*', schema: 'public' }] } },
    ]);
    await c.next((f) => f[3] === 'presence_state', 'presence_state');
    expect(c.frames).toEqual([
      [
        '6',
        '6',
        'realtime:r',
        'phx_reply',
        { status: 'ok', response: { postgres_changes: [{ event: '*', schema: 'public', id: 1 }] } },
      ],
      ['6', null, 'realtime:r', 'presence_state', {}],
    ]);
  });

  it('closes the old channel with phx_close when the same topic is joined again on one socket', async () => {
    const c = await rawClient(host());
    c.send(['6', '6', 'realtime:r', 'phx_join', JOIN]);
    c.send(['19', '19', 'realtime:r', 'phx_join', JOIN]);
    await c.next(isReply('19'), 'second join reply');
    expect(c.frames).toContainEqual(['6', '6', 'realtime:r', 'phx_close', {}]);
    expect(
      host()
        .hub.testing.inspect()
        .sockets[0]!.channels.map((ch) => ch.joinRef),
    ).toEqual(['19']);
  });

  it('acknowledges phx_leave, then sends phx_close with ref = join_ref', async () => {
    const c = await rawClient(host());
    c.send(['6', '6', 'realtime:r', 'phx_join', JOIN]);
    c.send(['6', '9', 'realtime:r', 'phx_leave', {}]);
    await c.next((f) => f[3] === 'phx_close', 'phx_close');
    expect(c.frames.slice(-2)).toEqual([
      ['6', '9', 'realtime:r', 'phx_reply', { status: 'ok', response: {} }],
      ['6', '6', 'realtime:r', 'phx_close', {}],
    ]);
  });

  it('answers a push on an unjoined topic with unmatched topic and drops unknown events', async () => {
    const c = await rawClient(host());
    c.send([
      '6',
      '8',
      'realtime:nope',
      'presence',
      { type: 'presence', event: 'track', payload: {} },
    ]);
    expect(await c.next(isReply('8'), 'reply')).toEqual([
      null,
      '8',
      'realtime:nope',
      'phx_reply',
      { status: 'error', response: { reason: 'unmatched topic' } },
    ]);
    c.send(['6', '6', 'realtime:r', 'phx_join', JOIN]);
    await c.next(isReply('6'), 'join');
    const before = c.frames.length;
    c.send(['6', '10', 'realtime:r', 'made_up_event', {}]);
    // Sentinel: frames are handled in order, so once the heartbeat's reply is here the made-up
    // event has been handled, and it sent nothing.
    c.send([null, '11', 'phoenix', 'heartbeat', {}]);
    await c.next(isReply('11'), 'sentinel reply');
    expect(c.frames.slice(before).map((f) => (f as unknown[])[1])).toEqual(['11']);
  });

  it('turns a kind-3 push into a kind-4 frame with the same event, encoding and bytes', async () => {
    const c = await rawClient(host());
    c.send(['6', '6', 'realtime:r', 'phx_join', JOIN]);
    await c.next(isReply('6'), 'join');
    const payload = new TextEncoder().encode('{"x":1,"y":2}');
    c.send(
      encodeBroadcastPush({
        joinRef: '6',
        ref: '10',
        topic: 'realtime:r',
        event: 'cursor',
        encoding: 'json',
        payload,
      })!,
    );
    const frame = await c.next((f) => f instanceof Uint8Array, 'kind 4');
    expect([...frame]).toEqual([
      4,
      10,
      6,
      0,
      1,
      ...new TextEncoder().encode('realtime:rcursor'),
      ...payload,
    ]);
    expect(decodeUserBroadcast(frame)).toMatchObject({
      ok: true,
      value: { topic: 'realtime:r', event: 'cursor', encoding: 'json' },
    });
  });
});

describe.each(HOSTS)('exact frames on the $name host (vsn 1.0.0)', (hostDef) => {
  const host = useHost(hostDef);

  it('speaks object frames without join_ref and sends broadcasts as JSON text', async () => {
    const c = await rawClient(host(), '1.0.0');
    c.send({ topic: 'realtime:v1', event: 'phx_join', payload: JOIN, ref: '1', join_ref: '1' });
    expect(await c.next((f) => f.event === 'phx_reply', 'join reply')).toEqual({
      topic: 'realtime:v1',
      event: 'phx_reply',
      payload: { status: 'ok', response: { postgres_changes: [] } },
      ref: '1',
    });
    c.send({
      topic: 'realtime:v1',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'hi', payload: { from: 'v1' } },
      ref: '2',
      join_ref: '1',
    });
    expect(await c.next((f) => f.event === 'broadcast', 'echo')).toEqual({
      topic: 'realtime:v1',
      event: 'broadcast',
      payload: { event: 'hi', payload: { from: 'v1' }, type: 'broadcast' },
      ref: null,
    });
  });
});
