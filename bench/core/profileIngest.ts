/**
 * Where a cold presence_state ingest spends its time in the kit: a few extra rounds (after the
 * timed ones) with V8's sampling profiler on around each frame → committed store call only, self
 * time summed by source file. Profiling slows the call, so these rounds are never timed figures;
 * the shares are what they are for.
 */
import { Session } from 'node:inspector/promises';
import { fail } from './expect.js';
import { feed, type World } from './world.js';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self-time share by bucket (`src/core/model/BatchedStore.ts`, `supabase-js`, `GC`, ...). */
export type IngestProfile = Array<{ where: string; share: number }>;

/** The bucket of a JS frame: a kit source file or supabase-js; `null` for anything else. */
function fileBucket(node: ProfileNode): string | null {
  const { url } = node.callFrame;
  const src = /\/src\/(core\/.*)$/.exec(url);
  if (src) return `src/${src[1] ?? ''}`;
  if (/@supabase|phoenix/.test(url)) return 'supabase-js / phoenix (its own presence bookkeeping)';
  return null;
}

/**
 * Self time of every sample, charged to the nearest kit or supabase-js frame on its stack, so
 * built-ins (Map, JSON, Array) count for the code that called them; GC stays apart.
 */
function add(totals: Map<string, number>, profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const charged = new Map<number, string>();
  const bucketOf = (id: number): string => {
    const known = charged.get(id);
    if (known) return known;
    const node = byId.get(id);
    const fn = node?.callFrame.functionName;
    let key: string;
    if (!node) key = 'other (outside the kit and supabase-js)';
    else if (fn === '(garbage collector)') key = 'garbage collection';
    else {
      const up = parent.get(id);
      key =
        fileBucket(node) ??
        (up === undefined ? 'other (outside the kit and supabase-js)' : bucketOf(up));
    }
    charged.set(id, key);
    return key;
  };
  profile.samples.forEach((id, i) => {
    const fn = byId.get(id)?.callFrame.functionName;
    if (fn === '(idle)' || fn === '(program)') return;
    const key = bucketOf(id);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
}

/** Profiles `rounds` cold ingests of `state` (N users) into fresh kit rooms. */
export async function profileIngest(
  world: World,
  n: number,
  state: string,
  rounds = 4,
): Promise<IngestProfile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  const totals = new Map<string, number>();
  const cold = world.kit();
  try {
    for (let i = 0; i < rounds; i += 1) {
      const name = `profile-${String(n)}-${String(i)}`;
      const { channel, joined } = await world.coldKitRoom(cold.presence, cold.client, name);
      const payload: unknown = JSON.parse(state);
      await session.post('Profiler.start');
      feed(channel, 'presence_state', payload);
      const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
      add(totals, profile);
      const room = await joined;
      if (room.store.getState().occupancy !== n + 1) fail('profiled ingest did not fill the room');
      await cold.presence.leave(name);
    }
  } finally {
    await session.post('Profiler.disable');
    session.disconnect();
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0) || 1;
  return [...totals]
    .map(([where, us]) => ({ where, share: us / sum }))
    .sort((a, b) => b.share - a.share);
}
