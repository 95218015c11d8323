/** The rooms of one size, each holding N users, and the frames the diff cases replay. */
import type { RealtimeChannel } from '@supabase/supabase-js';
import type { Room } from '../../src/core/types.js';
import { expectBareKeys, expectOccupancy, expectPeerKeys, fail } from './expect.js';
import { population } from './frames.js';
import {
  copyPopulation,
  joinSteps,
  leaveSteps,
  roomState,
  selfMeta,
  updateSteps,
  type PeerView,
  type Step,
} from './tracks.js';
import { feed, type World } from './world.js';

/** R (kit defaults), R0 (kit, debounceMs 0), the docs pattern, bare mirrors of R and R0. */
export interface Fixture {
  n: number;
  roomR: Room;
  roomR0: Room;
  peer: PeerView;
  /** Mirrors R. */
  bare: RealtimeChannel;
  /** Mirrors R0. */
  bare0: RealtimeChannel;
  joins: Step[];
  leaves: Step[];
  leaves0: Step[];
  updates: Step[];
  bytesPerKey: number;
}

/** A channel running the docs pattern; `active` off skips `presenceState()` on untimed frames. */
export async function peerChannel(world: World): Promise<PeerView> {
  const view: PeerView = {
    channel: null as unknown as RealtimeChannel,
    active: true,
    last: null,
    syncs: 0,
  };
  view.channel = await world.channel((ch) => {
    view.syncs += 1;
    if (view.active) view.last = ch.presenceState() as Record<string, unknown[]>;
  });
  return view;
}

/** Joins the rooms of size `n`, fills each with N users and builds `count` frames per case. */
export async function createFixture(world: World, n: number, count: number): Promise<Fixture> {
  const kitDefault = world.kit();
  const kitNoDebounce = world.kit({ debounceMs: 0 });
  const roomR = await world.kitRoom(kitDefault.presence, `room-${String(n)}`);
  const roomR0 = await world.kitRoom(kitNoDebounce.presence, `room0-${String(n)}`);
  const peer = await peerChannel(world);
  const bare = await world.channel();
  const bare0 = await world.channel();

  const popR = population(n - 1); // N − 1 others + the kit's own user = N
  const popR0 = copyPopulation(popR);
  const stateR = JSON.stringify(roomState(popR, selfMeta(roomR)));
  const stateR0 = JSON.stringify(roomState(popR0, selfMeta(roomR0)));
  feed(roomR.channel, 'presence_state', JSON.parse(stateR));
  feed(roomR0.channel, 'presence_state', JSON.parse(stateR0));
  feed(peer.channel, 'presence_state', JSON.parse(stateR));
  feed(bare, 'presence_state', JSON.parse(stateR));
  feed(bare0, 'presence_state', JSON.parse(stateR0));
  const f = { n, roomR, roomR0, peer, bare, bare0 };
  expectFilled(f);

  // Frames, built once; the same strings go to the kit and to the peer, in the same order.
  const joins = joinSteps(popR0, count);
  const leaves0 = leaveSteps(popR0, count);
  const leaves = leaveSteps(popR, count);
  const updates = updateSteps(popR, count);
  return { ...f, joins, leaves, leaves0, updates, bytesPerKey: stateR.length / n };
}

/** Every subject holds N users after the initial presence_state, all online in the kit. */
function expectFilled(f: Pick<Fixture, 'n' | 'roomR' | 'roomR0' | 'peer' | 'bare' | 'bare0'>) {
  const { n, roomR } = f;
  expectOccupancy(roomR, n, 'initial presence_state (R)');
  expectOccupancy(f.roomR0, n, 'initial presence_state (R0)');
  expectPeerKeys(f.peer, n, 'initial presence_state (peer)');
  expectBareKeys(f.bare, n, 'initial presence_state (bare)');
  expectBareKeys(f.bare0, n, 'initial presence_state (bare0)');
  const online = [...roomR.store.getState().occupants].filter((o) => o.status === 'online').length;
  if (online !== n) fail(`only ${online} of ${n} kit occupants are online (metas rejected?)`);
  if (roomR.store.getState().lastError)
    fail(`kit reported ${String(roomR.store.getState().lastError?.message)}`);
}
