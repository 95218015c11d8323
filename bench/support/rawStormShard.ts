/**
 * A join-storm shard with light receivers: `count` raw `ws` sockets speaking just enough of the
 * Phoenix protocol (vsn 2.0.0 array frames: phx_join with a presence key, one track, heartbeats)
 * and counting the presence keys they are told about, with no client library behind them. Their
 * convergence time says what the server does; realtime-js' digest of N × N joins is not in it.
 * Same IPC conversation as stormShard.ts (connect → ready, go → converged).
 */
import WebSocket from 'ws';
import { exitWithParent, nowMs, type ShardMessage } from './shards.js';

interface Setup {
  url: string;
  anonKey: string;
  from: number;
  count: number;
  total: number;
}

const TOPIC = 'realtime:storm';
const sockets: WebSocket[] = [];
const send = (message: ShardMessage) => process.send?.(message);
const tally = { started: 0, cpu: process.cpuUsage(), converged: 0, joinsSeen: 0, lastJoined: 0 };
const statuses: Record<string, number> = {};

/** Counts the keys of a presence_state or the joins of a presence_diff; true once all are seen. */
function absorb(keys: Set<string>, event: string, payload: Record<string, unknown>): void {
  const joined = event === 'presence_state' ? payload : (payload.joins as Record<string, unknown>);
  for (const key of Object.keys(joined ?? {})) {
    tally.joinsSeen += 1;
    keys.add(key);
  }
}

function onFrame(ws: WebSocket, n: number, keys: Set<string>, total: number, data: string): void {
  const [, ref, topic, event, payload] = JSON.parse(data) as [
    string | null,
    string | null,
    string,
    string,
    Record<string, unknown>,
  ];
  if (topic !== TOPIC) return;
  if (event === 'phx_reply' && ref === '1') {
    const status = String(payload.status);
    statuses[status] = (statuses[status] ?? 0) + 1;
    tally.lastJoined = nowMs();
    ws.send(JSON.stringify(['1', '2', TOPIC, 'presence', track(n)]));
    return;
  }
  if (event !== 'presence_state' && event !== 'presence_diff') return;
  const before = keys.size;
  absorb(keys, event, payload);
  if (before < total && keys.size >= total && ++tally.converged === sockets.length)
    send({
      type: 'converged',
      at: nowMs(),
      joinsSeen: tally.joinsSeen,
      cpu: process.cpuUsage(tally.cpu),
      lastSubscribedMs: tally.lastJoined - tally.started,
      statuses,
    });
}

const track = (i: number) => ({ type: 'presence', event: 'track', payload: { i } });
const join = (key: string, token: string) => [
  '1',
  '1',
  TOPIC,
  'phx_join',
  {
    config: { broadcast: { self: false }, presence: { key, enabled: true }, private: false },
    access_token: token,
  },
];

async function connectAll(setup: Setup): Promise<void> {
  const url = `${setup.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${setup.anonKey}&vsn=2.0.0`;
  await Promise.all(
    Array.from({ length: setup.count }, (_, n) => {
      const ws = new WebSocket(url);
      const keys = new Set<string>();
      sockets.push(ws);
      ws.on('message', (data) => onFrame(ws, setup.from + n, keys, setup.total, String(data)));
      return new Promise<void>((resolve) => {
        ws.once('open', () => resolve());
        ws.once('error', () => resolve());
      });
    }),
  );
  // Heartbeats, as any client sends them, so the server's idle sweep never closes a socket.
  setInterval(() => {
    for (const ws of sockets)
      if (ws.readyState === ws.OPEN)
        ws.send(JSON.stringify([null, 'h', 'phoenix', 'heartbeat', {}]));
  }, 20_000).unref();
}

let setup: Setup | null = null;
process.on('message', (raw) => {
  const message = raw as ShardMessage;
  if (message.type === 'connect') {
    setup = message as unknown as Setup;
    void connectAll(setup).then(() =>
      send({ type: 'ready', connected: sockets.filter((s) => s.readyState === s.OPEN).length }),
    );
  } else if (message.type === 'go' && setup) {
    tally.started = nowMs();
    tally.cpu = process.cpuUsage();
    const { from, anonKey } = setup;
    sockets.forEach((ws, n) => ws.send(JSON.stringify(join(`user-${String(from + n)}`, anonKey))));
  } else if (message.type === 'close') {
    for (const ws of sockets) ws.close();
    send({ type: 'closed' });
  }
});
exitWithParent();
