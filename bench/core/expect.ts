/** Loud checks of the core benchmark: every timed effect is verified, or the run fails. */
import type { RealtimeChannel } from '@supabase/supabase-js';
import type { Room } from '../../src/core/types.js';
import type { PeerView } from './tracks.js';
import { phoenixPresenceOf } from './world.js';

/** Aborts the run: a benchmark that measured the wrong thing must not print a number. */
export function fail(message: string): never {
  throw new Error(`bench check failed: ${message}`);
}

/** The kit store holds exactly `n` users (occupancy, table and sorted ids agree). */
export function expectOccupancy(room: Room, n: number, when: string): void {
  const state = room.store.getState();
  if (state.occupancy !== n || state.occupants.size !== n || state.userIds.length !== n)
    fail(
      `${when}: kit store holds ${state.occupancy} users (table ${state.occupants.size}), expected ${n}`,
    );
}

/** The docs pattern's last `presenceState()` holds exactly `n` keys. */
export function expectPeerKeys(view: PeerView, n: number, when: string): void {
  const size = view.last ? Object.keys(view.last).length : -1;
  if (size !== n) fail(`${when}: peer presenceState() holds ${size} keys, expected ${n}`);
}

/** A bare supabase-js channel's Presence holds exactly `n` keys. */
export function expectBareKeys(channel: RealtimeChannel, n: number, when: string): void {
  const size = Object.keys(phoenixPresenceOf(channel).state).length;
  if (size !== n) fail(`${when}: bare channel holds ${size} keys, expected ${n}`);
}
