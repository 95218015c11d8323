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
