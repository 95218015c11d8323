import { Presence, Socket } from 'phoenix';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { loopbackTransport } from '../../src/server/loopback/index.js';
import { HOSTS, useHost, type TestHost } from './support/hosts.js';
import { waitFor } from './support/wait.js';

/** The official phoenix client over vsn 1.0.0 (plain JSON objects), on either host. */
function phoenixSocket(host: TestHost): Socket {
  const endpoint =
    host.name === 'node'
      ? `${host.url.replace('http', 'ws')}/realtime/v1`
      : 'ws://loopback.localhost/realtime/v1';
  const transport = host.name === 'node' ? WebSocket : loopbackTransport(host.hub);
  const socket = new Socket(endpoint, {
    transport: transport as any,
    vsn: '1.0.0',
    params: { apikey: host.anonKey },
    encode: (msg: unknown, cb: (s: string) => void) => cb(JSON.stringify(msg)),
    decode: (raw: string, cb: (m: unknown) => void) => cb(JSON.parse(raw)),
    reconnectAfterMs: () => 50,
  } as any);
  socket.connect();
  return socket;
}

function join(socket: Socket, key: string) {
  const channel = socket.channel('realtime:lobby', {
    config: { broadcast: { self: false }, presence: { key, enabled: true } },
  });
  const presence = new Presence(channel);
  const got: unknown[] = [];
  channel.on('broadcast', (p) => {
    got.push(p);
  });
  const joined = new Promise((resolve, reject) =>
    channel.join().receive('ok', resolve).receive('error', reject),
  );
  return { channel, presence, got, joined };
}

describe.each(HOSTS)('the official phoenix client (vsn 1.0.0) on the $name host', (hostDef) => {
  const host = useHost(hostDef);

  it('joins, tracks presence and exchanges broadcasts', async () => {
    const sockets = [phoenixSocket(host()), phoenixSocket(host())];
    try {
      const [a, b] = [join(sockets[0]!, 'ana'), join(sockets[1]!, 'ben')];
      await Promise.all([a.joined, b.joined]);
      a.channel.push('presence', { type: 'presence', event: 'track', payload: { name: 'ana' } });
      b.channel.push('presence', { type: 'presence', event: 'track', payload: { name: 'ben' } });
      await waitFor(
        () => a.presence.list().length === 2 && b.presence.list().length === 2,
        'both present',
      );
      a.channel.push('broadcast', { type: 'broadcast', event: 'wave', payload: { from: 'ana' } });
      await waitFor(() => b.got.length === 1, 'broadcast');
      expect(b.got[0]).toEqual({ event: 'wave', payload: { from: 'ana' }, type: 'broadcast' });
      expect(a.got).toEqual([]);
    } finally {
      for (const s of sockets) s.disconnect();
    }
  });
});
