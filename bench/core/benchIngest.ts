/** The cold-ingest case: presence_state of N into an empty room, and JSON.parse as the yardstick. */
import { population, wireFrame, type Population } from './frames.js';
import type { Fixture } from './fixture.js';
import { ingestLoop } from './ingestLoop.js';
import { profileIngest, type IngestProfile } from './profileIngest.js';
import { summarize } from './measure.js';
import type { Recorder } from './recorder.js';
import { roomState } from './tracks.js';
import type { World } from './world.js';

/** Times cold ingest and records its three rows; returns the frame facts for the size's info. */
export async function benchIngest(
  world: World,
  f: Fixture,
  record: Recorder,
): Promise<{ presenceStateKiB: number; parseMedianMs: number; profile?: IngestProfile }> {
  const { n } = f;
  // One loop times, per iteration and in rotating order: JSON.parse of the wire frame, the kit
  // (a fresh room whose first presence_state is this frame), a bare supabase-js channel (presence
  // on, no listener: Presence.syncState + its per-key join payloads, which every supabase-js user
  // pays) and the docs pattern (the same + presenceState() in the sync handler). Odd iterations
  // time the kit's own handlers from inside instead of the whole call.
  const ingestPop: Population = population(n, 7);
  const ingestState = JSON.stringify(roomState(ingestPop, null));
  const wire = wireFrame('1', 'realtime:room', 'presence_state', JSON.parse(ingestState));
  // Where the time goes, at the largest size only, before the timed rounds: once V8 has inlined
  // the hot path, the sampling profiler no longer places most samples (profiled rounds are
  // never timed figures).
  const profile = n >= 10_000 ? await profileIngest(world, n, ingestState) : undefined;
  const ingest = await ingestLoop(world, n, ingestState, wire, f.bare, f.peer);
  record('JSON.parse of the presence_state frame', ingest.parse, null, null);
  record(
    'presence_state cold: kit own work (its handlers, timed inside)',
    ingest.kitOwn,
    null,
    null,
    {
      targetX: 1.5,
      note: "the kit's raw presence_state callback, timed inside the call (one timer pair)",
    },
  );
  record(
    'presence_state cold: frame → committed store (kit) / presenceState() (peer)',
    ingest.kit,
    ingest.bare,
    ingest.peer,
    {
      note: 'kit room also applies its own buffered self-join: store ends with N + 1',
    },
  );
  return {
    presenceStateKiB: Math.round(ingestState.length / 102.4) / 10,
    parseMedianMs: summarize(ingest.parse).median,
    ...(profile && { profile }),
  };
}
