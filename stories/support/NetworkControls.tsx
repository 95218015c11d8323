import { useEffect, useState, type ReactNode } from 'react';
import { useSimulatedRoom } from './SimulatedRoom.js';

/** Props of {@link NetworkControls}. */
export interface NetworkControlsProps {
  /** How long the viewer stays offline after a click. @default 4000 */
  offlineMs?: number;
}

/**
 * A story-side button that cuts the viewer's connection for a few seconds (the hub drops the
 * socket, as a lost network would, and refuses reconnects until the time is up), to watch the
 * kit reconnect: status `reconnecting`, others marked stale, then everything reconciled.
 */
export function NetworkControls({ offlineMs = 4000 }: NetworkControlsProps): ReactNode {
  const { world } = useSimulatedRoom();
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    if (!offline) return;
    world.network.goOffline();
    const timer = setTimeout(() => {
      world.network.goOnline();
      setOffline(false);
    }, offlineMs);
    return () => {
      clearTimeout(timer);
      world.network.goOnline();
    };
  }, [offline, offlineMs, world]);
  return (
    <button
      type="button"
      className="story-button"
      disabled={offline}
      onClick={() => setOffline(true)}
    >
      {offline ? 'Network down…' : `Drop the connection for ${Math.round(offlineMs / 1000)} s`}
    </button>
  );
}
