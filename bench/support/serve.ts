/**
 * Runs one benchmark server in its own process, so the server gets a core of its own and the
 * clients' work does not count against it. `kit` is presence-kit's server with limits lifted;
 * `relay` is the peer: a bare `ws` server that forwards every binary frame to every other socket
 * (the floor any protocol-speaking server pays for fan-out).
 */
import { WebSocketServer } from 'ws';
import { startRealtimeServer } from '../../src/server/node/index.js';

async function startRelay(): Promise<{ url: string }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      if (!isBinary) {
        const frame = JSON.parse(String(data)) as unknown[];
        if (frame[3] === 'phx_join') socket.send(JSON.stringify([frame[0], frame[1], frame[2], 'phx_reply', { status: 'ok', response: {} }]));
        return;
      }
      for (const peer of wss.clients) if (peer !== socket) peer.send(data, { binary: true });
    });
  });
  const address = wss.address();
  const port = typeof address === 'object' ? address.port : 0;
  return { url: `ws://127.0.0.1:${port}` };
}

async function startKit(): Promise<{ url: string; anonKey: string }> {
  const server = await startRealtimeServer({
    port: 0,
    limits: { maxEventsPerSecond: 1e9, maxPresenceEventsPerSecond: 1e9, maxChannelsPerClient: 100 },
    log: () => {},
  });
  return { url: server.url, anonKey: server.anonKey };
}

const mode = process.argv[2];
const info = mode === 'relay' ? await startRelay() : await startKit();
process.stdout.write(`READY ${JSON.stringify(info)}\n`);
// The parent closes our stdin when it is done (or dies): stop then, never linger.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
setTimeout(() => process.exit(0), 10 * 60_000).unref();
