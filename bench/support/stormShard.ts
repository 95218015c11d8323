/**
 * A join-storm shard (child process): `count` real realtime-js RealtimeClients, each on its own
 * TCP socket. Sockets open and channels (with their presence listeners) are created before the
 * clock starts; on `go` every channel subscribes and tracks itself on SUBSCRIBED. The shard reports
 * once each of its clients has seen all `total` presence keys (runStormShard.ts).
 */
import { RealtimeClient, type RealtimeChannel } from '@supabase/realtime-js';
import WebSocket from 'ws';
import { runStormShard, type StormSetup, type StormTally } from './runStormShard.js';

const clients: RealtimeClient[] = [];
const channels: RealtimeChannel[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function prepare(
  { from, total }: StormSetup,
  client: RealtimeClient,
  n: number,
  tally: StormTally,
): RealtimeChannel {
  const keys = new Set<string>();
  const channel = client.channel('storm', { config: { presence: { key: `user-${from + n}` } } });
  channel.on('presence', { event: 'join' }, ({ key }: { key: string }) => {
    tally.joinsSeen++;
    const before = keys.size;
    keys.add(key);
    if (before < total && keys.size === total) tally.receiverConverged(clients.length);
  });
  return channel;
}

runStormShard({
  async connect(setup, tally) {
    for (let n = 0; n < setup.count; n++) {
      const client = new RealtimeClient(`${setup.url}/realtime/v1`, {
        params: { apikey: setup.anonKey },
        transport: WebSocket as never,
      });
      client.connect();
      clients.push(client);
      channels.push(prepare(setup, client, n, tally));
    }
    const deadline = Date.now() + 60_000;
    while (clients.some((c) => !c.isConnected()) && Date.now() < deadline) await sleep(20);
    return clients.filter((c) => c.isConnected()).length;
  },
  go({ from }, tally) {
    channels.forEach((channel, n) =>
      channel.subscribe((status) => {
        tally.joinReply(status, status === 'SUBSCRIBED');
        if (status === 'SUBSCRIBED') void channel.track({ i: from + n });
      }),
    );
  },
  close() {
    for (const client of clients) void client.disconnect();
  },
});
