import { LiveCursors } from 'presence-kit/components';
import { useCursors } from 'presence-kit/react';

/** Our pace, as the kit works it out from the room (the same shared model the cursors use). */
function CursorPace() {
  const { userIds, sendIntervalMs } = useCursors();
  return (
    <p className="muted small">
      {userIds.length === 1 ? '1 other cursor' : `${userIds.length} other cursors`}, ours sent every{' '}
      {Math.round(sendIntervalMs)} ms at most
    </p>
  );
}

/** A shared surface with everyone's live cursors (Broadcast only; simulated users move theirs). */
export function WhiteboardPanel() {
  return (
    <section className="card" aria-labelledby="whiteboard-title">
      <h2 id="whiteboard-title">Whiteboard</h2>
      <LiveCursors className="whiteboard">
        <p className="muted small">
          Move your pointer here: the others see it, and you see theirs.
        </p>
      </LiveCursors>
      <CursorPace />
    </section>
  );
}
