import type { StoryContext } from '@storybook/react-vite';
import { roomFor } from './roomRegistry.js';
import type { SimulatedRoomHandle } from './SimulatedRoom.js';

/**
 * How long a play function waits for the room to show something. Bots are real clients behind
 * async hops, on a machine that may be busy: wait long, poll gently, assert no timings.
 */
export const ROOM_WAIT = Object.freeze({ timeout: 60_000, interval: 100 });

/** The story's simulated room (play functions drive scripted users and the network with it). */
export function roomOf(context: Pick<StoryContext, 'id'>): Promise<SimulatedRoomHandle> {
  return roomFor(context.id, ROOM_WAIT.timeout);
}

/**
 * Resolves once the in-page server holds `count` people in the room (viewer included), so a play
 * function can script users it knows are in.
 */
export async function roomHolds(handle: SimulatedRoomHandle, count: number): Promise<void> {
  const started = Date.now();
  while (Object.keys(handle.world.hub.presenceState(handle.room)).length < count) {
    if (Date.now() - started > ROOM_WAIT.timeout)
      throw new Error(`the room never held ${count} people`);
    await new Promise((resolve) => setTimeout(resolve, ROOM_WAIT.interval));
  }
}
