import { useState } from 'react';
import { usePresence } from './presence.js';

/** The raw room as the engine holds it (rendered only while open: it changes on every event). */
function RawRoom() {
  const room = usePresence();
  const raw = {
    channelName: room.channelName,
    status: room.status,
    selfId: room.selfId,
    occupancy: room.occupancy,
    lastError: room.lastError?.message ?? null,
    occupants: [...room.occupants],
  };
  return <pre>{JSON.stringify(raw, null, 2)}</pre>;
}

/** For developers: the raw JSON, folded away by default. */
export function DevPanel() {
  const [open, setOpen] = useState(false);
  return (
    <details className="card dev-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Developer panel: raw room JSON</summary>
      {open && <RawRoom />}
    </details>
  );
}
