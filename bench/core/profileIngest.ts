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
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self-time share by bucket (`src/core/model/BatchedStore.ts`, `supabase-js`, `GC`, ...). */
export type IngestProfile = Array<{ where: string; share: number }>;

function bucket(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  const src = /\/src\/(core\/.*)$/.exec(url);
  if (src) return `src/${src[1] ?? ''}`;
  if (/@supabase|phoenix/.test(url)) return 'supabase-js / phoenix (its own presence bookkeeping)';
  return 'other (engine, built-ins)';
}

function add(totals: Map<string, number>, profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (
      !node ||
      node.callFrame.functionName === '(idle)' ||
      node.callFrame.functionName === '(program)'
    )
      return;
    const key = bucket(node);
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
