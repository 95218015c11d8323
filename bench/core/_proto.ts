import { createLoopbackClient } from '../../src/server/loopback/index.js';
import { createPresence } from '../../src/core/index.js';
const lb = createLoopbackClient();
const client = lb.createClient();
const presence = createPresence({ client: client as any, userId: 'self' });
let t = performance.now();
const room = await presence.join('r1', { initialState: { status: 'x' } });
console.log('join ms', performance.now() - t, room.store.getState().occupancy);
const ch: any = room.channel;
console.log(ch.channelAdapter.channel.joinRef(), ch.channelAdapter.channel.bindings.map((b: any) => b.event));
await new Promise((r) => setTimeout(r, 50));
console.log(JSON.stringify(room.channel.presenceState()));
t = performance.now();
for (let i = 0; i < 20; i++) { const r = await presence.join('x' + i); }
console.log('20 joins ms', performance.now() - t);
await presence.destroy();
process.exit(0);
