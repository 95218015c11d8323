/**
 * Heap a room of N occupants takes: the kit (a room fed one `presence_state` of N users: its
 * store plus the supabase-js channel under it), the same frame in a bare supabase-js channel
 * (what every supabase-js app holds anyway) and in the docs pattern (the channel plus the
 * `presenceState()` copy an app keeps in its state). Each subject runs in a fresh loopback world;
 * the frame is built before the first reading and dropped after the last.
 */
import { roomState, selfMeta } from '../core/tracks.js';
import { population } from '../core/frames.js';
import { feed, createWorld, type World } from '../core/world.js';
import { peerChannel } from '../core/fixture.js';
import { settledHeap } from './heap.js';

/** Bytes each subject holds for N occupants. */
export interface StoreHeap {
  n: number;
  kit: number;
  bare: number;
  peer: number;
}

/** Who holds the room: the kit, a bare supabase-js channel, or the docs pattern. */
export type Subject = 'kit' | 'bare' | 'peer';

/** Joins the subject's channel, reads the heap, feeds N users, reads it again. */
export async function heapOf(subject: Subject, n: number): Promise<number> {
  const world: World = createWorld();
  try {
    const pop = population(n - 1);
    let feedState: () => void;
    let keep: unknown;
    if (subject === 'kit') {
      const { presence } = world.kit();
      const room = await world.kitRoom(presence, `heap-${String(n)}`);
      const frame = JSON.stringify(roomState(pop, selfMeta(room)));
      feedState = () => feed(room.channel, 'presence_state', JSON.parse(frame));
      keep = room;
    } else {
      const view = subject === 'peer' ? await peerChannel(world) : null;
      const channel = view?.channel ?? (await world.channel());
      const frame = JSON.stringify(roomState(pop, null));
      feedState = () => feed(channel, 'presence_state', JSON.parse(frame));
      keep = view ?? channel;
    }
    const before = await settledHeap();
    feedState();
    const after = await settledHeap();
    if (!keep) throw new Error('unreachable');
    return after - before;
  } finally {
    await world.close();
  }
}
