import { useCallback } from 'react';
import { usePresenceContext } from './PresenceContext.js';

/**
 * A stable function that brings the provider's room back after the server shut it down
 * (`useConnectionStatus()` is `closed` and `usePresence((r) => r.lastError?.code)` is
 * `CHANNEL_SHUTDOWN`): it joins again on a fresh channel, the token made current first, and
 * resolves once subscribed. Rate-limit shutdowns and token expiry rejoin by themselves (see
 * `PresenceOptions.autoRejoin`); this is for the rest, e.g. a "Reconnect" button. Resolves at once
 * while the room is not closed. Rejects with the join's error when the provider has no room.
 *
 * @example
 * const status = useConnectionStatus();
 * const rejoin = useRejoin();
 * if (status === 'closed') return <button onClick={() => void rejoin()}>Reconnect</button>;
 */
export function useRejoin(): () => Promise<void> {
  const { binding } = usePresenceContext();
  return useCallback(
    () => binding.when((snapshot) => snapshot.room).then((room) => room.rejoin()),
    [binding],
  );
}
