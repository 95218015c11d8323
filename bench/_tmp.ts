import { spawnServer } from './support/serverProcess.js';
import { joinStorm } from './support/storm.js';
const kit = await spawnServer<{ url: string; anonKey: string }>('kit');
for (let k = 0; k < 2; k++) {
  const r = await joinStorm(kit, Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 2));
  console.log(JSON.stringify(r));
}
await kit.stop();
