import type { RealtimeChannel } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import type { TappedFrame } from '../../src/server/hub/index.js';
import { HOSTS, useHost } from './support/hosts.js';
import { subscribe, subscribeRecording, waitFor } from './support/wait.js';

describe.each(HOSTS)('limits on the $name host', (hostDef) => {
  const host = useHost(hostDef, {
    limits: { maxChannelsPerClient: 2, maxPayloadSizeKb: 1, maxFrameSizeBytes: 20_000 },
  });

  function systemLog(channel: RealtimeChannel) {
    const messages: any[] = [];
    channel.on('system', {}, (p: unknown) => messages.push(p));
    return messages;
  }

  it('shuts the channel down on the 6th presence call in 30 s with the real system message', async () => {
    const channel = host()
      .client()
      .channel('room', { config: { presence: { key: 'busy' } } });
    const system = systemLog(channel);
    // A second member keeps the room, and so its counters, open after the shutdown.
    await subscribe(host().client().channel('room'));
    const statuses = await subscribe(channel);
    for (let i = 1; i <= 5; i += 1) expect(await channel.track({ i })).toBe('ok');
    void channel.track({ i: 6 });
    await waitFor(() => statuses.includes('CLOSED'), 'CLOSED');
    expect(system).toEqual([
      {
        extension: 'system',
        status: 'error',
        message: 'Client presence rate limit exceeded',
        channel: 'room',
      },
    ]);
    expect(host().hub.stats().topics['realtime:room']!.presence.track).toBe(6);
    expect(
      host()
        .hub.testing.inspect()
        .sockets.flatMap((s) => s.channels.map((c) => c.presenceKey)),
    ).not.toContain('busy');
  });

  it('refuses a join beyond maxChannelsPerClient with ChannelRateLimitReached', async () => {
    const client = host().client();
    await subscribe(client.channel('one'));
    await subscribe(client.channel('two'));
    const third = subscribeRecording(client.channel('three'));
    await waitFor(() => third.statuses.length > 0, 'third status');
    expect(third.statuses[0]).toBe('CHANNEL_ERROR');
    expect(third.errors[0]).toBe('ChannelRateLimitReached: Too many channels');
  });

  it('answers an oversize acked broadcast with payload_size_exceeded and silently drops an unacked one', async () => {
    const replies: TappedFrame[] = [];
    host().hub.testing.onFrame(
      (dir, _s, f) => dir === 'out' && f.event === 'phx_reply' && replies.push(f),
    );
    const acked = host()
      .client()
      .channel('room', { config: { broadcast: { ack: true } } });
    const plain = host().client().channel('room');
    const got: unknown[] = [];
    const listener = host()
      .client()
      .channel('room')
      .on('broadcast', { event: '*' }, (m) => got.push(m));
    for (const c of [acked, plain, listener]) await subscribe(c);
    const big = { blob: 'x'.repeat(2000) };
    expect(await acked.send({ type: 'broadcast', event: 'big', payload: big })).toBe('error');
    expect(replies.at(-1)!.payload).toEqual({ status: 'error', response: 'payload_size_exceeded' });
    expect(await plain.send({ type: 'broadcast', event: 'big', payload: big })).toBe('ok');
    await expect(plain.httpSend('big', big)).rejects.toThrow();
    // Sentinel: a small send after the big ones arrives, and alone.
    await plain.send({ type: 'broadcast', event: 'small', payload: {} });
    await waitFor(() => got.length > 0, 'sentinel broadcast');
    expect(got.map((m: any) => m.event)).toEqual(['small']);
  });

  it('shuts the channel down on an oversize track with Track message size exceeded', async () => {
    const channel = host()
      .client()
      .channel('room', { config: { presence: { key: 'k' } } });
    const system = systemLog(channel);
    const statuses = await subscribe(channel);
    void channel.track({ blob: 'x'.repeat(2000) });
    await waitFor(() => statuses.includes('CLOSED'), 'CLOSED');
    expect(system[0]).toMatchObject({ status: 'error', message: 'Track message size exceeded' });
  });

  it('closes the socket with 1009 when a frame exceeds maxFrameSizeBytes', async () => {
    const socket = host().rawSocket(`apikey=${host().anonKey}&vsn=2.0.0`);
    const closed = new Promise<number>((resolve) => (socket.onclose = (ev) => resolve(ev.code)));
    await new Promise((resolve) => (socket.onopen = resolve));
    socket.send(JSON.stringify([null, '1', 'phoenix', 'heartbeat', { pad: 'x'.repeat(30_000) }]));
    expect(await closed).toBe(1009);
    await waitFor(() => host().hub.stats().sockets === 0, 'socket forgotten');
  });
});

describe.each(HOSTS)('tenant event rate on the $name host', (hostDef) => {
  const host = useHost(hostDef, { limits: { maxEventsPerSecond: 0.05 } });

  it('shuts every channel of the topic down and answers REST with 429 past maxEventsPerSecond', async () => {
    const sender = host().client().channel('room');
    const receiver = host().client().channel('room');
    const messages: any[] = [];
    receiver.on('system', {}, (p: any) => messages.push(p.message));
    const senderStatuses = await subscribe(sender);
    await subscribe(receiver);
    for (let i = 0; i < 3; i += 1)
      await sender.send({ type: 'broadcast', event: 'e', payload: { i } });
    await waitFor(() => senderStatuses.includes('CLOSED'), 'sender closed');
    await waitFor(() => messages.length === 1, 'receiver told');
    expect(messages).toEqual(['Too many messages per second']);
    await expect(host().client().channel('room').httpSend('e', {})).rejects.toThrow(
      'You have exceeded your rate limit',
    );
  });
});
