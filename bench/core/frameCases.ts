/**
 * The timed cases of one frame (a presence_diff unless told otherwise): the kit, bare supabase-js
 * and the docs pattern. A step's undo, when it has one, is always a presence_diff.
 */
import type { RealtimeChannel } from '@supabase/supabase-js';
import type { Room, RoomState } from '../../src/core/types.js';
import { expectBareKeys, expectOccupancy, fail } from './expect.js';
import type { Meta } from './frames.js';
import type { Case } from './measure.js';
import type { PeerView, Step } from './tracks.js';
import { feed, phoenixPresenceOf } from './world.js';

/** Runs one frame case on a kit room: times the trigger, checks the committed store, undoes. */
export function kitFrames(
  room: Room,
  steps: Step[],
  check: (state: RoomState, step: Step) => void,
  n: number,
  event = 'presence_diff',
): Case<{ payload: unknown; step: Step; before: RoomState }> {
  return {
    prepare: (i) => {
      const step = steps[i] ?? fail('ran out of frames');
      return { payload: JSON.parse(step.timed) as unknown, step, before: room.store.getState() };
    },
    run: ({ payload }) => feed(room.channel, event, payload),
    after: ({ step, before }) => {
      const state = room.store.getState();
      if (state === before)
        fail(`kit store did not commit a new snapshot (${event}) for ${step.key}`);
      check(state, step);
      if (step.undo) feed(room.channel, 'presence_diff', JSON.parse(step.undo));
      expectOccupancy(room, n, `after ${event}${step.undo ? ' and its undo' : ''}`);
    },
  };
}

/** The same frames through a bare channel: what supabase-js costs before any app handler. */
export function bareFrames(
  channel: RealtimeChannel,
  steps: Step[],
  n: number,
  event = 'presence_diff',
): Case<unknown> {
  return {
    prepare: (i) => JSON.parse((steps[i] ?? fail('ran out of frames')).timed) as unknown,
    run: (payload) => feed(channel, event, payload),
    after: (_payload, i) => {
      const step = steps[i] as Step;
      if (step.undo) feed(channel, 'presence_diff', JSON.parse(step.undo));
      expectBareKeys(channel, n, `bare after ${event}${step.undo ? ' and its undo' : ''}`);
    },
  };
}

/** The docs pattern costs ~0.2 s per frame at 10,000 keys: half the rounds there. */
export const peerScale = (n: number): number => (n >= 10_000 ? 0.5 : 1);

/** The same frames through the docs pattern: `on('sync')` → `presenceState()`. */
export function peerFrames(
  view: PeerView,
  steps: Step[],
  check: (last: Record<string, unknown[]>, step: Step) => void,
  n: number,
): Case<{ payload: unknown; step: Step; syncs: number }> {
  return {
    prepare: (i) => {
      const step = steps[i] ?? fail('ran out of frames');
      view.active = true;
      return { payload: JSON.parse(step.timed) as unknown, step, syncs: view.syncs };
    },
    run: ({ payload }) => feed(view.channel, 'presence_diff', payload),
    after: ({ step, syncs }) => {
      if (view.syncs !== syncs + 1 || !view.last) fail('peer sync handler did not run');
      check(view.last, step);
      view.active = false; // the undo is untimed: skip the handler's presenceState() there
      if (step.undo) feed(view.channel, 'presence_diff', JSON.parse(step.undo));
      view.active = true;
      const size = Object.keys(phoenixPresenceOf(view.channel).state).length;
      if (size !== n) fail(`peer holds ${size} keys after undo, expected ${n}`);
    },
  };
}

/** The kit's occupant for `key` in a committed snapshot. */
export const occupantOf = (state: RoomState, key: string) => state.occupants.get(key);

/** The first meta the docs pattern sees for `key`. */
export const peerMeta = (last: Record<string, unknown[]>, key: string) =>
  last[key]?.[0] as (Meta & { presence_ref: string }) | undefined;
