import { population } from './frames.js';
import { createWorld, feed, phoenixOf } from './world.js';
import { roomState, selfMeta, updateSteps, joinSteps } from './tracks.js';
const n = Number(process.argv[2] ?? 1000);
const what = process.argv[3] ?? 'update';
const world = createWorld();
const k = world.kit();
const room = await world.kitRoom(k.presence, 'r');
const pop = population(n - 1);
feed(room.channel, 'presence_state', JSON.parse(JSON.stringify(roomState(pop, selfMeta(room)))));
console.log('occ', room.store.getState().occupancy);
if (what === 'update') {
  const steps = updateSteps(pop, 20000);
  const payloads = steps.map((s) => JSON.parse(s.timed));
  let t = 0;
  for (let i = 0; i < payloads.length; i++) {
    const t0 = performance.now();
    feed(room.channel, 'presence_diff', payloads[i]);
    t += performance.now() - t0;
    if (i % 100 === 0) await new Promise((r) => setImmediate(r));
  }
  console.log('update mean ms', t / payloads.length);
} else {
  const cold = world.kit();
  const ingest = JSON.stringify(roomState(population(n, 7), null));
  let t = 0; const R = 60;
  for (let i = 0; i < R; i++) {
    const { channel, joined } = await world.coldKitRoom(cold.presence, cold.client, 'c' + i);
    const p = JSON.parse(ingest);
    const t0 = performance.now();
    feed(channel, 'presence_state', p);
    t += performance.now() - t0;
    await joined; await cold.presence.leave('c' + i);
  }
  console.log('ingest mean ms', t / R);
}
await world.close();
process.exit(0);
