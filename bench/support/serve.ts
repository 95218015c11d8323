/**
 * Runs one benchmark server in its own process, so the server gets a core of its own and the
 * clients' work does not count against it. `kit` is presence-kit's server with limits lifted;
 * `relay` is the peer: a bare `ws` server that forwards every binary frame to every other socket
 * (the floor any protocol-speaking server pays for fan-out).
 */
import { WebSocketServer } from 'ws';
import { startRealtimeServer } from '../../src/server/node/index.js';
import { nowMs } from './shards.js';

async function startRelay(): Promise<{ url: string }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      if (!isBinary) {
        const frame = JSON.parse(String(data)) as unknown[];
        if (frame[3] === 'phx_join')
          socket.send(
            JSON.stringify([
              frame[0],
              frame[1],
              frame[2],
              'phx_reply',
              { status: 'ok', response: {} },
            ]),
          );
        return;
      }
      for (const peer of wss.clients) if (peer !== socket) peer.send(data, { binary: true });
    });
  });
  const address = wss.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `ws://127.0.0.1:${port}` };
}

let hubStats: () => unknown = () => ({ cpu: process.cpuUsage() });

async function startKit(): Promise<{ url: string; anonKey: string }> {
  const server = await startRealtimeServer({
    port: 0,
    limits: { maxEventsPerSecond: 1e9, maxPresenceEventsPerSecond: 1e9, maxChannelsPerClient: 100 },
    log: () => {},
  });
  // When the server last sent a presence frame (monotonic ms, polled every 5 ms; a frame tap would
  // make the hub parse every frame it relays for the tap's sake): the storm is done on the
  // server's side then, however long the clients take to digest it.
  let presenceFrames = 0;
  let lastPresenceAt = 0;
  setInterval(() => {
    const { framesOut } = server.hub.stats();
    const frames = (framesOut['presence_diff'] ?? 0) + (framesOut['presence_state'] ?? 0);
    if (frames !== presenceFrames) lastPresenceAt = nowMs();
    presenceFrames = frames;
  }, 5).unref();
  hubStats = () => {
    const { framesOut, framesIn, sockets } = server.hub.stats();
    return { framesOut, framesIn, sockets, cpu: process.cpuUsage(), lastPresenceAt };
  };
  return { url: server.url, anonKey: server.anonKey };
}

const mode = process.argv[2];
const info = mode === 'relay' ? await startRelay() : await startKit();
process.stdout.write(`READY ${JSON.stringify(info)}\n`);
// The parent closes our stdin when it is done (or dies): stop then, never linger.
// A `stats` line on stdin is answered with one `STATS {...}` line (frame counts, CPU time).
process.stdin.on('data', (chunk: Buffer) => {
  if (chunk.toString().includes('stats'))
    process.stdout.write(`STATS ${JSON.stringify(hubStats())}\n`);
});
process.stdin.on('end', () => process.exit(0));
setTimeout(() => process.exit(0), 10 * 60_000).unref();
