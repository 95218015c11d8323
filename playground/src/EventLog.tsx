import { useRef, useState } from 'react';
import type { PresenceEvent } from 'presence-kit';
import type { DemoState } from './presence.js';
import { usePresenceEvent, useRoom } from './presence.js';
import { formatStateChange } from './formatState.js';

interface Entry {
  id: number;
  time: string;
  type: PresenceEvent['eventType'];
  /** The display name when known, else the user id. */
  who: string;
  userId: string;
  detail: string;
}

const MAX_ENTRIES = 50;
let nextId = 0;

type Known = Map<string, Readonly<Record<string, string | undefined>>>;

/** The entry's words; `known` (each user's last state) is kept current as events arrive. */
function describe(event: PresenceEvent<DemoState>, known: Known): string {
  const who = event.publisher;
  switch (event.eventType) {
    case 'SNAPSHOT':
      known.clear();
      for (const { userId, states } of event.snapshot ?? []) known.set(userId, states);
      return `${event.snapshot?.length ?? 0} in the room`;
    case 'INTERVAL': {
      const i = event.interval;
      return i === null
        ? ''
        : `+${i.join.userCount} −${i.leave.userCount} ⏱${i.timeout.userCount} Δ${i.userStateList.length}`;
    }
    case 'REMOTE_STATE_CHANGED': {
      const words = formatStateChange(known.get(who), event.stateChanged);
      known.set(who, event.stateChanged);
      return words;
    }
    case 'REMOTE_LEAVE':
    case 'REMOTE_TIMEOUT':
      known.delete(who);
      return '';
    default:
      return '';
  }
}

/** Every Agora-style PresenceEvent of this room (join, leave, timeout, state changed), newest first. */
export function EventLog() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const known = useRef<Known>(new Map());
  const room = useRoom();
  usePresenceEvent('*', (event) => {
    const userId = event.publisher;
    // The room has a joiner's name before their first state event; a leaver's is only remembered.
    const remembered = known.current.get(userId)?.name;
    const detail = describe(event, known.current);
    const current = room?.store.getState().occupants.get(userId)?.state.name;
    const entry: Entry = {
      id: (nextId += 1),
      time: new Date(event.timestamp).toLocaleTimeString(),
      type: event.eventType,
      who: current ?? remembered ?? userId,
      userId,
      detail,
    };
    setEntries((list) => [entry, ...list].slice(0, MAX_ENTRIES));
  });
  return (
    <section className="card log-card" aria-labelledby="log-title">
      <h2 id="log-title">Presence events</h2>
      <div role="log" className="log-scroll">
        <ol className="log">
          {entries.map((e) => (
            <li key={e.id}>
              <time>{e.time}</time>
              <span className="event" data-type={e.type}>
                {e.type}
              </span>
              <span className="who">
                {e.who}
                {e.who !== e.userId && <span className="user-id"> {e.userId}</span>}
              </span>
              <span className="detail">{e.detail}</span>
            </li>
          ))}
        </ol>
      </div>
      {entries.length === 0 && (
        <p className="muted empty">Events appear here as people come, go and change.</p>
      )}
    </section>
  );
}
