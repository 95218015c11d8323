import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRealtimeServer, type RealtimeServer } from '../../src/server/node/index.js';
import { waitFor } from './support/wait.js';

const TRIES = 20;
let server: RealtimeServer;

beforeEach(async () => {
  server = await startRealtimeServer({ port: 0, limits: { maxFrameSizeBytes: 20_000 } });
});

afterEach(() => server.close());

/**
 * Opens a raw socket and sends one frame far over the limit (the server refuses it on its header,
 * while the rest is still coming). Resolves with the close code and whether the TCP connection
 * was reset: a reset loses the close frame in browsers, which then report 1006.
 */
async function oversizeTry(): Promise<{ code: number; reset: boolean }> {
  const url = `${server.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${server.anonKey}&vsn=2.0.0`;
  const ws = new WebSocket(url);
  let reset = false;
  ws.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve) => ws.once('open', resolve));
  const tcp = (ws as unknown as { _socket: NodeJS.EventEmitter })._socket;
  tcp.on('error', (err: NodeJS.ErrnoException) => (reset ||= err.code === 'ECONNRESET'));
  ws.send(JSON.stringify([null, '1', 'phoenix', 'heartbeat', { pad: 'x'.repeat(500_000) }]));
  return { code: await closed, reset };
}

const clean = { code: 1009, reset: false };

describe('frames over the limit on the Node host', () => {
  it(`closes with 1009 and a close handshake, never a reset, on every one of ${String(TRIES)} tries`, async () => {
    const outcomes: { code: number; reset: boolean }[] = [];
    for (let i = 0; i < TRIES; i += 1) outcomes.push(await oversizeTry());
    expect(outcomes).toEqual(Array.from({ length: TRIES }, () => clean));
    await waitFor(() => server.hub.stats().sockets === 0, 'sockets forgotten');
  });

  it('closes every socket with 1009 when many send oversize frames at once', async () => {
    const outcomes = await Promise.all(Array.from({ length: TRIES }, () => oversizeTry()));
    expect(outcomes).toEqual(Array.from({ length: TRIES }, () => clean));
  });
});
