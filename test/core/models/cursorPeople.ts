import {
  createCursors,
  CURSOR_EVENT,
  type CursorOptions,
  type CursorsModel,
  type Occupant,
  type Presence,
  type Room,
} from '../../../src/core/index.js';
import { settled, tick, type World } from '../helpers/loopback.js';

/** One member of the test room with its cursor model (listening from creation). */
export interface CursorPerson {
  id: string;
  presence: Presence;
  room: Room;
  cursors: CursorsModel<Occupant>;
  /** Where this person sees `userId`'s cursor, or undefined. */
  sees(userId: string): { x: number; y: number } | undefined;
}

/** Joins `ids` to room `board`, each with a cursor model. */
export async function cursorPeople(
  w: World,
  ids: string[],
  options: CursorOptions = {},
): Promise<CursorPerson[]> {
  const out: CursorPerson[] = [];
  for (const id of ids) {
    const { presence } = w.person(id);
    const room = await settled(presence.join('board', { initialState: { name: id } }));
    const cursors = createCursors(room, options);
    const sees = (userId: string) => {
      const cursor = cursors.getCursor(userId);
      return cursor === undefined ? undefined : { x: cursor.x, y: cursor.y };
    };
    out.push({ id, presence, room, cursors, sees });
  }
  await tick(200);
  return out;
}

/** Counts the room's cursor messages at the hub: each send (in) and each delivery (out). */
export function cursorMessages(w: World) {
  let sends = 0;
  let deliveries = 0;
  w.hub.testing.onFrame((dir, _socket, frame) => {
    const payload = frame.payload as { event?: unknown } | undefined;
    if (frame.event !== 'broadcast' || payload?.event !== CURSOR_EVENT) return;
    if (dir === 'in') sends++;
    else deliveries++;
  });
  return { sends: () => sends, deliveries: () => deliveries, total: () => sends + deliveries };
}
