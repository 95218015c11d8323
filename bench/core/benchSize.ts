/** One size N of the core benchmark: every case, in a fresh loopback world. */
import { benchDiffs } from './benchDiffs.js';
import { benchIngest } from './benchIngest.js';
import { benchIntegrity } from './benchIntegrity.js';
import { benchWhoNow } from './benchWhoNow.js';
import { createFixture } from './fixture.js';
import { iterationsFor } from './measure.js';
import { recorder, type Row } from './recorder.js';
import { createWorld, SELF_ID } from './world.js';

/** Runs the diff, whoNow and cold-ingest cases at N = `n`; returns their rows and the size's info. */
export async function benchSize(
  n: number,
  log: (line: string) => void,
): Promise<{ rows: Row[]; info: Record<string, unknown> }> {
  const world = createWorld();
  const rows: Row[] = [];
  const iters = iterationsFor(n);
  const count = iters.iterations + iters.warmups;
  try {
    const f = await createFixture(world, n, count);
    const record = recorder(n, rows, log);
    await benchDiffs(f, record);
    await benchWhoNow(f, record);
    await benchIntegrity(world, n, count, record);
    const ingest = await benchIngest(world, f, record);
    return {
      rows,
      info: {
        n,
        bytesPerKey: Math.round(f.bytesPerKey),
        presenceStateKiB: ingest.presenceStateKiB,
        parseMedianMs: ingest.parseMedianMs,
        ...(ingest.profile && { ingestProfile: ingest.profile }),
        iterations: iters,
        selfId: SELF_ID,
      },
    };
  } finally {
    await world.close();
  }
}
