import { describe, expect, it } from 'vitest';
import { HOSTS, useHost } from './support/hosts.js';
import { subscribe, waitFor } from './support/wait.js';

type Received = { event: string; payload: unknown; meta?: unknown }[];

describe.each(HOSTS)('broadcast on the $name host', (hostDef) => {
  const host = useHost(hostDef);

  function listener(name = 'room', config: { self?: boolean; ack?: boolean } = {}) {
    const channel = host()
      .client()
      .channel(name, { config: { broadcast: config } });
    const got: Received = [];
    channel.on('broadcast', { event: '*' }, (m) => got.push(m as unknown as Received[number]));
    return { channel, got };
  }

  it('delivers to others but not back to the sender without self', async () => {
    const a = listener();
    const b = listener();
    await subscribe(a.channel);
    await subscribe(b.channel);
    expect(await a.channel.send({ type: 'broadcast', event: 'cursor', payload: { x: 1 } })).toBe(
      'ok',
    );
    await waitFor(() => b.got.length === 1, 'delivery');
    expect(b.got[0]).toMatchObject({ event: 'cursor', payload: { x: 1 } });
    // Sentinel: b's reply reaches a after any echo of a's own send would have.
    await b.channel.send({ type: 'broadcast', event: 'reply', payload: {} });
    await waitFor(() => a.got.length > 0, 'sentinel at a');
    expect(a.got.map((m) => m.event)).toEqual(['reply']);
  });

  it('echoes to the sender with self and resolves ok only after the ack reply', async () => {
    const acks: string[] = [];
    host().hub.testing.onFrame(
      (dir, _s, f) => dir === 'out' && f.event === 'phx_reply' && acks.push(f.ref ?? ''),
    );
    const a = listener('room', { self: true, ack: true });
    await subscribe(a.channel);
    const before = acks.length;
    expect(await a.channel.send({ type: 'broadcast', event: 'ping', payload: { n: 1 } })).toBe(
      'ok',
    );
    expect(acks.length).toBe(before + 1);
    await waitFor(() => a.got.length === 1, 'self echo');
  });

  it('delivers an ArrayBuffer payload as an ArrayBuffer with the same bytes', async () => {
    const a = listener();
    const b = listener();
    await subscribe(a.channel);
    await subscribe(b.channel);
    await a.channel.send({
      type: 'broadcast',
      event: 'raw',
      payload: new Uint8Array([1, 2, 255]).buffer,
    });
    await waitFor(() => b.got.length === 1, 'binary delivery');
    expect(b.got[0]!.payload).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(b.got[0]!.payload as ArrayBuffer)]).toEqual([1, 2, 255]);
  });

  it('falls back to REST when sending before the join completes and still reaches subscribers', async () => {
    const b = listener();
    await subscribe(b.channel);
    const a = host().client().channel('room');
    expect(await a.send({ type: 'broadcast', event: 'early', payload: { via: 'rest' } })).toBe(
      'ok',
    );
    await waitFor(() => b.got.length === 1, 'REST delivery');
    expect(b.got[0]).toMatchObject({ event: 'early', payload: { via: 'rest' } });
    expect(host().hub.stats().rest['202']).toBe(1);
  });

  it('delivers httpSend JSON and binary payloads to every subscriber', async () => {
    const b = listener();
    await subscribe(b.channel);
    const sender = host().client().channel('room');
    await expect(sender.httpSend('json', { a: 1 })).resolves.toEqual({ success: true });
    await expect(sender.httpSend('bin', new Uint8Array([7, 8]))).resolves.toEqual({
      success: true,
    });
    await waitFor(() => b.got.length === 2, 'two REST deliveries');
    expect(b.got[0]).toMatchObject({ event: 'json', payload: { a: 1 } });
    expect([...new Uint8Array(b.got[1]!.payload as ArrayBuffer)]).toEqual([7, 8]);
  });

  it('keeps public and private channels of the same name apart', async () => {
    const pub = listener('shared');
    await subscribe(pub.channel);
    await host()
      .client()
      .channel('shared', { config: { private: true } })
      .httpSend('secret', { s: 1 });
    // The public send goes after the private one: once it arrives, the private one would have too.
    await host().client().channel('shared').httpSend('public', { p: 1 });
    await waitFor(() => pub.got.length > 0, 'public delivery');
    expect(pub.got.map((m) => m.event)).toEqual(['public']);
  });
});
