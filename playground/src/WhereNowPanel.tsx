import { shallowEqual } from 'presence-kit/react';
import { useState } from 'react';
import { usePresence, useWhereNow } from './presence.js';

/**
 * Agora `whereNow`: the page is in two rooms (this one and `secondRoom`), and so is any other tab
 * of the playground; simulated users are only in this one. Pick a user to see where they are.
 */
export function WhereNowPanel({ secondRoom }: { secondRoom: string }) {
  const ids = usePresence((room) => room.userIds, shallowEqual);
  const selfId = usePresence((room) => room.selfId);
  const [picked, setPicked] = useState('');
  const userId = ids.includes(picked) ? picked : selfId;
  const { data, error, isFetching, refetch } = useWhereNow(userId);
  return (
    <section className="card" aria-labelledby="wherenow-title">
      <h2 id="wherenow-title">whereNow</h2>
      <p className="muted small">
        This page is also in <strong>{secondRoom}</strong>; other playground tabs are too.
      </p>
      <div className="row">
        <label>
          User{' '}
          <select value={userId} onChange={(e) => setPicked(e.target.value)}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {id === selfId ? `${id} (you)` : id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={refetch} disabled={isFetching}>
          Look again
        </button>
      </div>
      {error !== null && <p className="error">{error.message}</p>}
      <ul aria-label="Rooms of the selected user" className="plain">
        {data?.channels.map((c) => (
          <li key={c.channelName}>
            {c.channelName} <span className="muted">({c.channelType})</span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {data === undefined ? 'Looking…' : `${data.totalChannel} room(s)`}
      </p>
    </section>
  );
}
