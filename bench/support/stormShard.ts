/**
 * A join-storm shard (child process): `count` real realtime-js RealtimeClients, each on its own
 * TCP socket. They connect first; on `go` every one subscribes to the room and tracks itself on
 * SUBSCRIBED. The shard reports when each of its clients has seen all `total` presence keys.
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
const send = (message: ShardMessage) => process.send?.(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectAll({ url, anonKey, count }: Setup): Promise<void> {
  for (let i = 0; i < count; i++) {
    const client = new RealtimeClient(`${url}/realtime/v1`, {
      params: { apikey: anonKey },
      transport: WebSocket as never,
    });
    client.connect();
    clients.push(client);
  }
  const deadline = Date.now() + 60_000;
  while (clients.some((c) => !c.isConnected()) && Date.now() < deadline) await sleep(20);
}

function storm({ from, total }: Setup): void {
  const started = nowMs();
  const cpu = process.cpuUsage();
  let converged = 0;
  let joinsSeen = 0;
  let lastSubscribed = 0;
  const statuses: Record<string, number> = {};
  clients.forEach((client, n) => {
    const i = from + n;
    const keys = new Set<string>();
    const channel: RealtimeChannel = client.channel('storm', {
      config: { presence: { key: `user-${i}` } },
    });
    channel.on('presence', { event: 'join' }, ({ key }: { key: string }) => {
      joinsSeen++;
      const before = keys.size;
      keys.add(key);
      if (before < total && keys.size === total && ++converged === clients.length) {
        send({
          type: 'converged',
          at: nowMs(),
          joinsSeen,
          cpu: process.cpuUsage(cpu),
          lastSubscribedMs: lastSubscribed - started,
          statuses,
        });
      }
    });
    channel.subscribe((status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 'SUBSCRIBED') return;
      lastSubscribed = nowMs();
      void channel.track({ i });
    });
  });
}

let setup: Setup | null = null;
process.on('message', (raw) => {
  const message = raw as ShardMessage;
  if (message.type === 'connect') {
    setup = message as unknown as Setup;
    void connectAll(setup).then(() =>
      send({ type: 'ready', connected: clients.filter((c) => c.isConnected()).length }),
    );
  } else if (message.type === 'go' && setup) storm(setup);
  else if (message.type === 'close') {
    for (const client of clients) void client.disconnect();
    send({ type: 'closed' });
  }
});
exitWithParent();
