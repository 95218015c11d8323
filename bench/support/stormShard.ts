/**
 * A join-storm shard (child process): `count` real realtime-js RealtimeClients, each on its own
 * TCP socket. Sockets open and channels (with their presence listeners) are created before the
 * clock starts; on `go` every channel subscribes and tracks itself on SUBSCRIBED. The shard reports
 * once each of its clients has seen all `total` presence keys.
 */
import { RealtimeClient, type RealtimeChannel } from '@supabase/realtime-js';
import WebSocket from 'ws';
import { exitWithParent, nowMs, type ShardMessage } from './shards.js';

interface Setup {
  url: string;
  anonKey: string;
  from: number;
  count: number;
  total: number;
}

const clients: RealtimeClient[] = [];
const channels: RealtimeChannel[] = [];
const send = (message: ShardMessage) => process.send?.(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the storm tallies while it runs. */
const tally = {
  started: 0,
  cpu: process.cpuUsage(),
  converged: 0,
  joinsSeen: 0,
  lastSubscribed: 0,
};
const statuses: Record<string, number> = {};

function prepare({ from, total }: Setup, client: RealtimeClient, n: number): RealtimeChannel {
  const keys = new Set<string>();
  const channel = client.channel('storm', { config: { presence: { key: `user-${from + n}` } } });
  channel.on('presence', { event: 'join' }, ({ key }: { key: string }) => {
    tally.joinsSeen++;
    const before = keys.size;
    keys.add(key);
    if (before < total && keys.size === total && ++tally.converged === clients.length) {
      send({
        type: 'converged',
        at: nowMs(),
        joinsSeen: tally.joinsSeen,
        cpu: process.cpuUsage(tally.cpu),
        lastSubscribedMs: tally.lastSubscribed - tally.started,
        statuses,
      });
    }
  });
  return channel;
}

async function connectAll(setup: Setup): Promise<void> {
  for (let n = 0; n < setup.count; n++) {
    const client = new RealtimeClient(`${setup.url}/realtime/v1`, {
      params: { apikey: setup.anonKey },
      transport: WebSocket as never,
    });
    client.connect();
    clients.push(client);
    channels.push(prepare(setup, client, n));
  }
  const deadline = Date.now() + 60_000;
  while (clients.some((c) => !c.isConnected()) && Date.now() < deadline) await sleep(20);
}

function storm(from: number): void {
  tally.started = nowMs();
  tally.cpu = process.cpuUsage();
  channels.forEach((channel, n) =>
    channel.subscribe((status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 'SUBSCRIBED') return;
      tally.lastSubscribed = nowMs();
      void channel.track({ i: from + n });
    }),
  );
}

let setup: Setup | null = null;
process.on('message', (raw) => {
  const message = raw as ShardMessage;
  if (message.type === 'connect') {
    setup = message as unknown as Setup;
    void connectAll(setup).then(() =>
      send({ type: 'ready', connected: clients.filter((c) => c.isConnected()).length }),
    );
  } else if (message.type === 'go' && setup) storm(setup.from);
  else if (message.type === 'close') {
    for (const client of clients) void client.disconnect();
    send({ type: 'closed' });
  }
});
exitWithParent();
