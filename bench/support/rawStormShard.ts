/**
 * A join-storm shard with light receivers: `count` raw `ws` sockets speaking just enough of the
 * Phoenix protocol (vsn 2.0.0 array frames: phx_join with a presence key, one track, heartbeats)
 * and counting the presence keys they are told about, with no client library behind them. Their
 * convergence time says what the server does; realtime-js' digest of N × N joins is not in it.
 * Same IPC conversation as stormShard.ts (runStormShard.ts).
 */
import WebSocket from 'ws';
import { runStormShard, type StormTally } from './runStormShard.js';

const TOPIC = 'realtime:storm';
const sockets: WebSocket[] = [];

/** One light receiver: its socket, its presence number and the keys it has been told about. */
interface Receiver {
  ws: WebSocket;
  n: number;
  keys: Set<string>;
}

/** Counts the keys of a presence_state or the joins of a presence_diff. */
function absorb(
  tally: StormTally,
  keys: Set<string>,
  event: string,
  payload: Record<string, unknown>,
): void {
  const joined = event === 'presence_state' ? payload : (payload.joins as Record<string, unknown>);
  for (const key of Object.keys(joined ?? {})) {
    tally.joinsSeen += 1;
    keys.add(key);
  }
}

/** One receiver's frame: the join reply (then it tracks), or presence news to count. */
function onFrame(tally: StormTally, { ws, n, keys }: Receiver, total: number, data: string): void {
  const [, ref, topic, event, payload] = JSON.parse(data) as [
    string | null,
    string | null,
    string,
    string,
    Record<string, unknown>,
  ];
  if (topic !== TOPIC) return;
  if (event === 'phx_reply' && ref === '1') {
    // The reply is the moment this receiver is in: it tracks at once, whatever the status says.
    tally.joinReply(String(payload.status), true);
    ws.send(JSON.stringify(['1', '2', TOPIC, 'presence', track(n)]));
    return;
  }
  if (event !== 'presence_state' && event !== 'presence_diff') return;
  const before = keys.size;
  absorb(tally, keys, event, payload);
  if (before < total && keys.size >= total) tally.receiverConverged(sockets.length);
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

runStormShard({
  async connect(setup, tally) {
    const url = `${setup.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${setup.anonKey}&vsn=2.0.0`;
    await Promise.all(
      Array.from({ length: setup.count }, (_, n) => {
        const ws = new WebSocket(url);
        const receiver: Receiver = { ws, n: setup.from + n, keys: new Set() };
        sockets.push(ws);
        ws.on('message', (data) => onFrame(tally, receiver, setup.total, String(data)));
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
    return sockets.filter((s) => s.readyState === s.OPEN).length;
  },
  go({ from, anonKey }) {
    sockets.forEach((ws, n) => ws.send(JSON.stringify(join(`user-${String(from + n)}`, anonKey))));
  },
  close() {
    for (const ws of sockets) ws.close();
  },
});
