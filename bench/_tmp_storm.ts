import { RealtimeClient } from '@supabase/realtime-js';
import WebSocket from 'ws';
import { spawnServer } from './support/serverProcess.js';
const n = Number(process.argv[2] ?? 1000);
const kit = await spawnServer<{url:string;anonKey:string}>('kit');
const info = kit.info;
const seen: Set<string>[] = []; const sockets: RealtimeClient[] = [];
let done: () => void = () => {}; let converged = 0;
const started = performance.now();
let marks: number[] = []; let joinsSeen = 0; const cpu0 = process.cpuUsage();
for (let i = 0; i < n; i++) {
  const keys = new Set<string>(); seen.push(keys);
  const client = new RealtimeClient(`${info.url}/realtime/v1`, { params: { apikey: info.anonKey }, transport: WebSocket as never });
  sockets.push(client);
  const channel = client.channel('storm', { config: { presence: { key: `user-${i}` } } });
  channel.on('presence', { event: 'join' }, ({ key }: { key: string }) => {
    joinsSeen++; const before = keys.size; keys.add(key);
    if (before < n && keys.size === n && ++converged === n) done();
  });
  channel.subscribe((status) => { if (status === 'SUBSCRIBED') { marks.push(performance.now()-started); void channel.track({ i }); } });
}
const ok = await new Promise<boolean>((resolve) => { done = () => resolve(true); setTimeout(() => resolve(false), 60000).unref(); });
const el = performance.now() - started;
marks.sort((a,b)=>a-b);
console.log('ok', ok, 'elapsed', el.toFixed(0), 'subscribed p50', marks[marks.length>>1]?.toFixed(0), 'last', marks[marks.length-1]?.toFixed(0), 'converged', converged);
console.log('joins seen', joinsSeen, 'client cpu', JSON.stringify(process.cpuUsage(cpu0)));console.log(JSON.stringify(await kit.stats()));
for (const c of sockets) c.disconnect();
await kit.stop();
process.exit(0);
