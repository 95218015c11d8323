/** Cold presence_state ingest (empty → N): one loop over the kit, bare supabase-js and the peer. */
import type { RealtimeChannel } from '@supabase/supabase-js';
import type { PresenceEvent } from '../../src/core/types.js';
import { expectBareKeys, expectOccupancy, expectPeerKeys, fail } from './expect.js';
import { gc, iterationsFor } from './measure.js';
import type { PeerView } from './tracks.js';
import { feed, phoenixOf, type World } from './world.js';

/** Samples in ms per subject; `kitOwn` is the kit's handlers timed from inside. */
export interface IngestSamples {
  parse: number[];
  kit: number[];
  kitOwn: number[];
  bare: number[];
  peer: number[];
}

interface Ingest {
  world: World;
  n: number;
  state: string;
  wire: string;
  bare: RealtimeChannel;
  peer: PeerView;
  cold: ReturnType<World['kit']>;
  snapshots: { count: number };
  inner: { ms: number };
}

const time = (fn: () => void): number => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

/** Times cold presence_state ingest; see the comment at its call. */
export async function ingestLoop(
  world: World,
  n: number,
  state: string,
  wire: string,
  bare: RealtimeChannel,
  peer: PeerView,
): Promise<IngestSamples> {
  const { iterations, warmups } = iterationsFor(n);
  // Each round joins a cold kit room for real and runs all four subjects, and odd rounds give the
  // kit's inside time instead of its total: fewer rounds than the diff cases keep this bounded.
  const scale = n <= 100 ? 0.1 : n <= 1000 ? 0.25 : 0.5;
  const rounds = Math.max(6, Math.round(iterations * scale));
  const warm = Math.max(2, Math.round(warmups * scale));
  const out: IngestSamples = { parse: [], kit: [], kitOwn: [], bare: [], peer: [] };
  const cold = world.kit();
  const snapshots = { count: 0 };
  cold.presence.addEventListener('presence', (e: PresenceEvent) => {
    if (e.eventType === 'SNAPSHOT') snapshots.count += 1;
  });
  const ctx: Ingest = { world, n, state, wire, bare, peer, cold, snapshots, inner: { ms: 0 } };
  gc();
  for (let i = 0; i < warm + 2 * rounds; i += 1) {
    const wrapped = i % 2 === 1;
    const times = await ingestRound(ctx, i, wrapped);
    if (i >= warm) {
      out.parse.push(times.get('parse') as number);
      out.bare.push(times.get('bare') as number);
      out.peer.push(times.get('peer') as number);
      if (wrapped) out.kitOwn.push(ctx.inner.ms);
      else out.kit.push(times.get('kit') as number);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

/** One round: a fresh kit room, then all four subjects timed in rotating order, then checks. */
async function ingestRound(ctx: Ingest, i: number, wrapped: boolean): Promise<Map<string, number>> {
  const { n, state, bare, peer, cold } = ctx;
  const name = `cold-${String(n)}-${String(i)}`;
  const { channel, joined } = await ctx.world.coldKitRoom(cold.presence, cold.client, name);
  if (wrapped) timeKitBindings(channel, ctx.inner);
  feed(bare, 'presence_state', {});
  peer.active = false;
  feed(peer.channel, 'presence_state', {});
  peer.active = true;
  const kitPayload: unknown = JSON.parse(state);
  const barePayload: unknown = JSON.parse(state);
  const peerPayload: unknown = JSON.parse(state);
  const before = ctx.snapshots.count;
  ctx.inner.ms = 0;
  const runs: [keyof IngestSamples, () => void][] = [
    ['parse', () => void JSON.parse(ctx.wire)],
    ['kit', () => feed(channel, 'presence_state', kitPayload)],
    ['bare', () => feed(bare, 'presence_state', barePayload)],
    ['peer', () => feed(peer.channel, 'presence_state', peerPayload)],
  ];
  const times = new Map<string, number>();
  for (let j = 0; j < runs.length; j += 1) {
    const [label, fn] = runs[(i + j) % runs.length] as [keyof IngestSamples, () => void];
    times.set(label, time(fn));
  }
  const room = await joined;
  expectOccupancy(room, n + 1, 'kit ingest (N + self)');
  if (room.store.getState().status !== 'subscribed') fail('cold room not subscribed');
  if (ctx.snapshots.count !== before + 1) fail('kit ingest did not emit exactly one SNAPSHOT');
  expectBareKeys(bare, n, 'bare ingest');
  expectPeerKeys(peer, n, 'peer ingest');
  await cold.presence.leave(name);
  return times;
}

/** Wraps the kit's raw presence bindings on `channel` so their own time adds up in `inner.ms`. */
function timeKitBindings(channel: RealtimeChannel, inner: { ms: number }): void {
  const seen = new Set<string>();
  for (const b of phoenixOf(channel).bindings) {
    if (b.event !== 'presence_state' && b.event !== 'presence_diff') continue;
    // The first binding of each event is Phoenix Presence's (supabase-js's own work); the
    // kit's raw-frame bindings come after it.
    if (!seen.has(b.event)) {
      seen.add(b.event);
      continue;
    }
    const callback = b.callback;
    b.callback = (...args: unknown[]) => {
      const t0 = performance.now();
      callback(...args);
      inner.ms += performance.now() - t0;
    };
  }
}
