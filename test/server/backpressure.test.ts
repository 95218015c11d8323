import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHub, type LogLevel } from '../../src/server/hub/index.js';
import { hubSocket } from './support/hubSocket.js';
import { startRealtimeServer, type RealtimeServer } from '../../src/server/node/index.js';
import { subscribe, waitFor } from './support/wait.js';
import { createLoopbackClient, loopbackTransport } from '../../src/server/loopback/index.js';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';

const LIMIT = 2_000_000;
const PAYLOAD = 'x'.repeat(100_000);
/** 40 MB: far more than the limit plus what the kernel's socket buffers absorb on loopback TCP. */
const MAX_MESSAGES = 400;

let server: RealtimeServer;
const logs: { level: LogLevel; message: string; details?: Record<string, unknown> }[] = [];
const clients: SupabaseClient[] = [];

beforeEach(async () => {
  logs.length = 0;
  server = await startRealtimeServer({
    port: 0,
    limits: { maxBufferedBytes: LIMIT, maxEventsPerSecond: 1e9 },
    log: (level, message, details) =>
      logs.push({ level, message, ...(details ? { details } : {}) }),
  });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.removeAllChannels()));
  await server.close();
});

function client(): SupabaseClient {
  const c = createClient(server.url, server.anonKey, {
    realtime: { transport: WebSocket as never, timeout: 3000 },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  clients.push(c);
  return c;
}

/** A raw `ws` client joined to `room`, whose TCP socket is then paused: it reads nothing more. */
async function pausedSubscriber(): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const url = `${server.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${server.anonKey}&vsn=2.0.0`;
  const ws = new WebSocket(url);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  await new Promise((resolve) => ws.once('open', resolve));
  const joined = new Promise((resolve) => ws.once('message', resolve));
  ws.send(JSON.stringify(['1', '1', 'realtime:room', 'phx_join', {}]));
  await joined;
  ws.pause();
  return { ws, closed };
}

describe('backpressure on the Node host', () => {
  it('closes a subscriber that stopped reading with 1008 and keeps serving everyone else', async () => {
    const slow = await pausedSubscriber();
    const sender = client().channel('room');
    const receiver = client().channel('room');
    let received = 0;
    receiver.on('broadcast', { event: 'big' }, () => (received += 1));
    await subscribe(sender);
    await subscribe(receiver);
    // Lockstep: the next broadcast goes once the healthy receiver has the last one, so only the
    // paused socket falls behind.
    let sent = 0;
    const closedSlow = () => server.hub.stats().closes['slow consumer'] === 1;
    while (!closedSlow() && sent < MAX_MESSAGES) {
      await sender.send({ type: 'broadcast', event: 'big', payload: { i: sent, PAYLOAD } });
      sent += 1;
      await waitFor(() => received === sent, `broadcast ${String(sent)} at the healthy receiver`);
    }
    expect(closedSlow()).toBe(true);
    expect(server.hub.stats().sockets).toBe(2);
    const warning = logs.find((l) => l.message === 'slow consumer closed');
    expect(warning).toMatchObject({ level: 'warn', details: { limit: LIMIT } });
    expect(warning!.details!['bufferedBytes']).toBeGreaterThan(LIMIT);
    // Once it reads again it gets what was queued, then the close frame.
    slow.ws.resume();
    expect(await slow.closed).toBe(1008);
    // Sentinel: the room still works for the others after the cut.
    await sender.send({ type: 'broadcast', event: 'big', payload: { i: -1 } });
    await waitFor(() => received === sent + 1, 'a broadcast after the cut');
  });
});

describe('backpressure on the loopback host', () => {
  it('closes a client with 1008 when one burst queues more than the limit for it', async () => {
    const lb = createLoopbackClient({ hubOptions: { limits: { maxBufferedBytes: 100_000 } } });
    const Transport = loopbackTransport(lb.hub);
    const open = async () => {
      const ws = new Transport(
        `ws://loopback.localhost/realtime/v1/websocket?apikey=${lb.anonKey}&vsn=2.0.0`,
      );
      const closed = new Promise<number>((resolve) => (ws.onclose = (ev) => resolve(ev.code)));
      const frames: string[] = [];
      ws.onmessage = (ev) => frames.push(String(ev.data));
      await new Promise((resolve) => (ws.onopen = resolve));
      ws.send(JSON.stringify(['1', '1', 'realtime:room', 'phx_join', {}]));
      await waitFor(() => frames.length > 0, 'join reply');
      return { ws, closed, frames };
    };
    const sender = await open();
    const receiver = await open();
    const big = JSON.stringify([
      '1',
      null,
      'realtime:room',
      'broadcast',
      { event: 'b', payload: 'x'.repeat(10_000) },
    ]);
    for (let i = 0; i < 5; i += 1) sender.ws.send(big);
    sender.ws.send(JSON.stringify([null, 's1', 'phoenix', 'heartbeat', {}]));
    await waitFor(() => sender.frames.some((f) => f.includes('"s1"')), 'first sentinel');
    expect(receiver.frames).toHaveLength(6);
    // One burst of 20 x 10 kB reaches the receiver before it can take any of it.
    for (let i = 0; i < 20; i += 1) sender.ws.send(big);
    expect(await receiver.closed).toBe(1008);
    expect(lb.hub.stats().closes['slow consumer']).toBe(1);
    sender.ws.send(JSON.stringify([null, 's2', 'phoenix', 'heartbeat', {}]));
    await waitFor(() => sender.frames.some((f) => f.includes('"s2"')), 'sender still served');
    lb.hub.close();
  });
});

describe('inbound floods', () => {
  it('closes a socket with 1008 that queues over 10,000 frames behind an async join', async () => {
    const hub = createHub();
    const c = await hubSocket(hub);
    // The join awaits its token check; everything after it waits in the socket's queue.
    c.send(['1', '1', 'realtime:room', 'phx_join', {}]);
    for (let i = 0; i < 10_001; i += 1) c.send([null, String(i), 'phoenix', 'heartbeat', {}]);
    expect(c.closeCode()).toBe(1008);
    expect(hub.stats().sockets).toBe(0);
    expect(hub.stats().closes).toEqual({ 'too many queued frames': 1 });
    hub.close();
  });
});
