/**
 * A fan-out receiver shard (child process): holds `count` bare vsn 2.0.0 sockets in the bench room.
 * Per frame it does the least a real client must (parse the ws frame and the JSON payload) and
 * stores the latency; it reports each message once all of its sockets have it, batched per tick.
 */
import { decodeBroadcastPayload, connectWire, type WireClient } from './wire.js';
import { exitWithParent, nowMs, sendToParent as send, type ShardMessage } from './shards.js';

let sockets: WireClient[] = [];
let latencies = new Float64Array(0);
let perMessage = new Uint32Array(0);
let deliveries = 0;
let completed: number[] = [];

function flushCompleted(): void {
  send({ type: 'completed', ids: completed });
  completed = [];
}

function onFrame(data: Buffer): void {
  const { i, t } = decodeBroadcastPayload(data) as { i: number; t: number };
  if (deliveries < latencies.length) latencies[deliveries] = nowMs() - t;
  deliveries++;
  const seen = (perMessage[i] ?? 0) + 1;
  perMessage[i] = seen;
  if (seen !== sockets.length) return;
  if (completed.length === 0) setImmediate(flushCompleted);
  completed.push(i);
}

async function connect(url: string, topic: string, count: number): Promise<void> {
  for (const client of sockets) client.close();
  sockets = [];
  for (let c = 0; c < count; c += 50) {
    const batch = Array.from({ length: Math.min(50, count - c) }, () =>
      connectWire(url, topic, onFrame),
    );
    sockets.push(...(await Promise.all(batch)));
  }
}

process.on('message', (raw) => {
  const message = raw as ShardMessage;
  if (message.type === 'connect') {
    const { url, topic, count } = message as unknown as {
      url: string;
      topic: string;
      count: number;
    };
    void connect(url, topic, count).then(() => send({ type: 'ready' }));
  } else if (message.type === 'phase') {
    const messages = Number(message['messages']);
    latencies = new Float64Array(messages * sockets.length);
    perMessage = new Uint32Array(messages);
    deliveries = 0;
    send({ type: 'phased' });
  } else if (message.type === 'collect') {
    send({
      type: 'latencies',
      deliveries,
      latencies: latencies.slice(0, Math.min(deliveries, latencies.length)),
    });
  } else if (message.type === 'close') {
    for (const client of sockets) client.close();
    sockets = [];
    send({ type: 'closed' });
  }
});
exitWithParent();
