import { memo } from 'react';
import { Avatar } from './Avatar.js';
import { useOccupant } from './presence.js';

/** One person in the list. Subscribes to that user only: others' changes never re-render it. */
export const OccupantRow = memo(function OccupantRow({ userId }: { userId: string }) {
  const occupant = useOccupant(userId);
  if (occupant === undefined) return null;
  const { state, status, connections } = occupant;
  const name = state.name ?? userId;
  const tabs = connections.length;
  return (
    <li className="person" data-presence={status}>
      <Avatar userId={userId} name={name} status={state.status} presence={status} />
      <span className="person-text">
        <span className="person-name">
          {name} <span className="muted">{userId}</span>
        </span>
        <span className="person-meta">
          {state.status === 'busy' ? 'Busy' : 'Available'}
          {status !== 'online' && <span className="tag">{status}</span>}
          {tabs > 1 && <span className="tag">{tabs} tabs</span>}
        </span>
      </span>
      <span className="person-mood" role="img" aria-label={`mood ${state.mood ?? 'none'}`}>
        {state.mood}
      </span>
    </li>
  );
});
