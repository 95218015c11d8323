/**
 * A "track": one kit room and the frames it has seen, so that the exact same frame strings can be
 * replayed to a plain supabase-js channel (the peer) in the same order. Frames are built once as
 * JSON strings; every iteration feeds a fresh `JSON.parse` of them (built outside the clock, as the
 * socket would hand over a freshly decoded payload).
 */
import type { RealtimeChannel } from '@supabase/supabase-js';
import type { Room } from '../../src/core/types.js';
import {
  joinDiff,
  leaveDiff,
  meta,
  phxRef,
  updateDiff,
  updated,
  userId,
  type Meta,
  type Population,
  type StatePayload,
} from './frames.js';
import { phoenixPresenceOf, SELF_ID } from './world.js';

/** One iteration's frames: the timed one and the untimed undo (null: nothing to undo). */
export interface Step {
  timed: string;
  undo: string | null;
  /** The user the frame is about. */
  key: string;
  /** For updates: the state `status` the user must show afterwards. */
  status?: string;
  version?: number;
}

/** The kit room's own meta as the server holds it (with `phx_ref`), to put it in our frames. */
export function selfMeta(room: Room): Meta {
  const entry = phoenixPresenceOf(room.channel).state[SELF_ID] as { metas: Meta[] } | undefined;
  const m = entry?.metas[0];
  if (!m) throw new Error('bench setup: the kit room has no own meta in its presence state');
  const { phx_ref_prev: _prev, ...rest } = m as Meta & { phx_ref_prev?: string };
  return rest;
}

/** The room's full state: everyone in `pop` plus the kit's own meta (so the room holds N users). */
export function roomState(pop: Population, self: Meta | null): StatePayload {
  const out: StatePayload = {};
  for (const id of pop.ids) out[id] = { metas: [pop.metas.get(id) as Meta] };
  if (self) out[SELF_ID] = { metas: [self] };
  return out;
}

/** Joins of users never seen before; each undone by its leave. */
export function joinSteps(pop: Population, count: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < count; i += 1) {
    const key = userId(pop.random);
    const m = meta(pop.random, 1_000_000 + i);
    steps.push({
      timed: JSON.stringify(joinDiff(key, m)),
      undo: JSON.stringify(leaveDiff(key, m)),
      key,
    });
  }
  return steps;
}

/** Leaves of present users (round robin); each undone by the same connection rejoining (new ref). */
export function leaveSteps(pop: Population, count: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < count; i += 1) {
    const key = pop.ids[(i * 7919) % pop.ids.length] as string;
    const before = pop.metas.get(key) as Meta;
    const back = { ...before, phx_ref: phxRef(pop.random) };
    pop.metas.set(key, back);
    steps.push({
      timed: JSON.stringify(leaveDiff(key, before)),
      undo: JSON.stringify(joinDiff(key, back)),
      key,
    });
  }
  return steps;
}

/** One user's change from meta `from` to `to` (whose status is `status`) as one diff, no undo. */
export function updateStep(key: string, from: Meta, to: Meta, status: string): Step {
  const timed = JSON.stringify(updateDiff(key, from, to));
  return { timed, undo: null, key, status, version: to.version };
}

/** State changes of present users: the new meta joins and the old leaves in one diff. */
export function updateSteps(pop: Population, count: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < count; i += 1) {
    const key = pop.ids[(i * 104_729) % pop.ids.length] as string;
    const from = pop.metas.get(key) as Meta;
    const status = from.state.status === 'away' ? 'online' : 'away';
    const to = updated(from, pop.random, status);
    pop.metas.set(key, to);
    steps.push(updateStep(key, from, to, status));
  }
  return steps;
}

/** A copy of a population (its own metas map), for a second room fed the same way. */
export function copyPopulation(pop: Population): Population {
  return { ids: pop.ids, metas: new Map(pop.metas), random: pop.random };
}

/** Presence view a peer keeps: what its last `presenceState()` returned. */
export interface PeerView {
  channel: RealtimeChannel;
  /** `presenceState()` runs in the sync handler only while this is true (off for untimed undos). */
  active: boolean;
  last: Record<string, unknown[]> | null;
  syncs: number;
}
