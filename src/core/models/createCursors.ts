import { CursorsController } from './CursorsController.js';
import {
  CURSOR_DEFAULTS,
  type CursorOccupant,
  type CursorOptions,
  type CursorRoom,
  type CursorsModel,
} from './cursorTypes.js';

/**
 * Live cursors without React: the others' pointers in `room`, and ours. Everything travels as
 * Broadcast (`presence-kit:cursor`), never `track`, so cursors cost no presence calls. Our sends
 * adapt to the room so that its cursor traffic stays within `messagesPerSecond` (sends plus
 * deliveries): one send every `max(minIntervalMs, 1000 × movers × connections ÷ messagesPerSecond)`
 * ms, movers being the members who moved in the last second (or two intervals), us included, and
 * connections every tab of every member (each one is delivered each send), recounted at most once
 * an interval.
 * Only members' cursors show, one per user; a cursor goes when its user hides it or leaves.
 *
 * The model listens from creation (so a bot that only moves still counts the others) until
 * `destroy()`. Broadcast keeps nothing, so each time the room is subscribed (on creation if it
 * already is, once the join completes otherwise, and after every reconnect) it asks for the
 * cursors at rest, and each member answers with one repeat of theirs.
 *
 * @example
 * const room = await presence.join('board');
 * const cursors = createCursors(room);
 * board.onpointermove = (e) => cursors.move({ x: e.offsetX / board.clientWidth, y: e.offsetY / board.clientHeight });
 * board.onpointerleave = () => cursors.move(null);
 * cursors.subscribe(() => draw(cursors.getSnapshot().userIds.map(cursors.getCursor)));
 */
export function createCursors<O extends CursorOccupant>(
  room: CursorRoom<O>,
  options: CursorOptions = {},
): CursorsModel<O> {
  const { messagesPerSecond = CURSOR_DEFAULTS.messagesPerSecond } = options;
  const { minIntervalMs = CURSOR_DEFAULTS.minIntervalMs } = options;
  check('messagesPerSecond', messagesPerSecond, messagesPerSecond > 0);
  check('minIntervalMs', minIntervalMs, minIntervalMs >= 0);
  return new CursorsController(room, { messagesPerSecond, minIntervalMs });
}

function check(name: string, value: number, valid: boolean): void {
  if (!valid || !Number.isFinite(value))
    throw new RangeError(`createCursors: ${name} is out of range, got ${value}`);
}
