import { shallowEqual } from 'presence-kit/react';
import { Avatar } from './Avatar.js';
import { OccupantRow } from './OccupantRow.js';
import { useOthers, usePresence, useSelf } from './presence.js';

/** Our own row: re-renders on our own changes only. */
function SelfRow() {
  const self = useSelf();
  if (self === null) return null;
  const { userId, state } = self;
  return (
    <li className="person person-self">
      <Avatar userId={userId} name={state.name ?? userId} status={state.status} />
      <span className="person-text">
        <span className="person-name">
          {state.name ?? userId} <span className="muted">(you)</span>
        </span>
        <span className="person-meta">{state.status === 'busy' ? 'Busy' : 'Available'}</span>
      </span>
      <span className="person-mood" role="img" aria-label={`mood ${state.mood ?? 'none'}`}>
        {state.mood}
      </span>
    </li>
  );
}

/** The people here: us first, then everyone else by id. The list re-renders only on join/leave. */
export function WhoIsOnline() {
  const ids = useOthers((others) => others.map((o) => o.userId), shallowEqual);
  const occupancy = usePresence((room) => room.occupancy);
  return (
    <section className="card" aria-labelledby="online-title">
      <h2 id="online-title">
        Who is online <span className="count">{occupancy}</span>
      </h2>
      <ul className="people">
        <SelfRow />
        {ids.map((id) => (
          <OccupantRow key={id} userId={id} />
        ))}
      </ul>
      {ids.length === 0 && (
        <p className="muted empty">Nobody else yet. Open another tab to invite someone.</p>
      )}
    </section>
  );
}
