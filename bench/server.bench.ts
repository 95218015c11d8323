/**
 * `npm run bench:server`: the local Realtime server under load on loopback TCP.
 *
 * 1. Broadcast fan-out: N clients in one room, one sender keeps a window of messages in flight;
 *    deliveries per second and p50/p99 latency, side by side with a bare `ws` relay (the peer:
 *    what fan-out costs with no protocol at all).
 * 2. Presence join storm: N real realtime-js clients (the client inside supabase-js) join and
 *    track at once; time until every client has seen all N.
 * The server runs in a child process so it has a core of its own.
 */
import { RealtimeClient } from '@supabase/realtime-js';
import WebSocket from 'ws';
import { spawnServer } from './support/serverProcess.js';
import { connectWire, decodeBroadcastPayload, encodeKind3, type WireClient } from './support/wire.js';
import { fmt, percentile, sizesFromEnv, writeResults } from './support/stats.js';

interface KitInfo { url: string; anonKey: string }
interface FanoutResult { clients: number; messages: number; deliveriesPerSec: number; p50Ms: number; p99Ms: number }

const TOPIC = 'realtime:bench-room';
const WINDOW = 8;
const wsUrl = (info: KitInfo) =>
  `${info.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${info.anonKey}&vsn=2.0.0`;

async function fanout(url: string, clients: number): Promise<FanoutResult> {
  const messages = Math.max(100, Math.ceil(150_000 / clients));
  const latencies = new Float64Array(messages * clients);
  const received = new Uint32Array(messages);
  let deliveries = 0;
  let completed = 0;
  let onComplete: () => void = () => {};
  const onBinary = (data: Uint8Array) => {
    const { i, t } = decodeBroadcastPayload(data) as { i: number; t: number };
    latencies[deliveries++] = performance.now() - t;
    received[i] = (received[i] ?? 0) + 1;
    if (received[i] === clients) { completed++; onComplete(); }
  };
  const receivers: WireClient[] = [];
  for (let c = 0; c < clients; c += 50) {
    const batch = Array.from({ length: Math.min(50, clients - c) }, () => connectWire(url, TOPIC, onBinary));
    receivers.push(...(await Promise.all(batch)));
  }
  const sender = await connectWire(url, TOPIC, () => {});
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (sent < messages && sent - completed < WINDOW) {
        const payload = { i: sent, t: performance.now() };
        sender.send(encodeKind3(sender.joinRef, String(sent + 2), TOPIC, 'tick', payload));
        sent++;
      }
      if (completed === messages) resolve();
    };
    onComplete = pump;
    pump();
  });
  const seconds = (performance.now() - started) / 1000;
  for (const client of [...receivers, sender]) client.close();
  const sorted = latencies.subarray(0, deliveries).sort();
  return { clients, messages, deliveriesPerSec: deliveries / seconds, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

async function joinStorm(info: KitInfo, clients: number, limitMs = 60_000): Promise<number> {
  const seen: Set<string>[] = [];
  const sockets: RealtimeClient[] = [];
  let done: () => void = () => {};
  let converged = 0;
  const started = performance.now();
  for (let i = 0; i < clients; i++) {
    const keys = new Set<string>();
    seen.push(keys);
    const client = new RealtimeClient(`${info.url}/realtime/v1`, {
      params: { apikey: info.anonKey },
      transport: WebSocket as never,
    });
    sockets.push(client);
    const channel = client.channel('storm', { config: { presence: { key: `user-${i}` } } });
    channel.on('presence', { event: 'join' }, ({ key }: { key: string }) => {
      const before = keys.size;
      keys.add(key);
      if (before < clients && keys.size === clients && ++converged === clients) done();
    });
    channel.subscribe((status) => {
      if (status === 'SUBSCRIBED') void channel.track({ i });
    });
  }
  const ok = await new Promise<boolean>((resolve) => {
    done = () => resolve(true);
    setTimeout(() => resolve(false), limitMs).unref();
  });
  const elapsed = performance.now() - started;
  for (const client of sockets) client.disconnect();
  return ok ? elapsed : Number.POSITIVE_INFINITY;
}

async function main(): Promise<void> {
  const sizes = sizesFromEnv([50, 200, 1000]);
  const kit = await spawnServer<KitInfo>('kit');
  const relay = await spawnServer<{ url: string }>('relay');
  const rows: Array<{ kit: FanoutResult; relay: FanoutResult; stormMs: number }> = [];
  try {
    for (const n of sizes) {
      const kitResult = await fanout(wsUrl(kit.info), n);
      const relayResult = await fanout(relay.info.url, n);
      const stormMs = await joinStorm(kit.info, n);
      rows.push({ kit: kitResult, relay: relayResult, stormMs });
    }
  } finally {
    await Promise.all([kit.stop(), relay.stop()]);
  }
  console.log('\nBroadcast fan-out (one room, loopback TCP) and presence join storm');
  console.log('clients | kit deliveries/s | relay deliveries/s | kit/relay | kit p50 ms | kit p99 ms | relay p99 ms | join storm converged');
  for (const { kit: k, relay: r, stormMs } of rows) {
    console.log(
      [k.clients, fmt(k.deliveriesPerSec, 0), fmt(r.deliveriesPerSec, 0), fmt(k.deliveriesPerSec / r.deliveriesPerSec),
        fmt(k.p50Ms), fmt(k.p99Ms), fmt(r.p99Ms), Number.isFinite(stormMs) ? `${fmt(stormMs / 1000)} s` : 'not within 60 s'].join(' | '),
    );
  }
  console.log('targets: at 200 clients ≥ 50,000 deliveries/s with p99 ≤ 50 ms; 1,000-client join storm ≤ 5 s');
  console.log(`JSON: ${writeResults('server', rows)}`);
}

await main();
