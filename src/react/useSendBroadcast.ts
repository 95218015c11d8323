import { useCallback } from 'react';
import { usePresenceContext } from './PresenceContext.js';

/** Sends a Broadcast event on the provider's channel. */
export type SendBroadcast = (event: string, payload: Record<string, unknown>) => Promise<void>;

/**
 * A stable function that sends a Broadcast event on this room's channel. A call made before the
 * provider has its room waits for it; the engine then rejects with `NOT_CONNECTED` until the room
 * is subscribed (check `useConnectionStatus()`), and with `INVALID_ARGUMENT` for `pk:` events.
 *
 * @example
 * const send = useSendBroadcast();
 * <button onClick={() => void send('reaction', { emoji: '🎉' })}>🎉</button>
 */
export function useSendBroadcast(): SendBroadcast {
  const { binding } = usePresenceContext();
  return useCallback<SendBroadcast>(
    (event, payload) =>
      binding.when((snapshot) => snapshot.room).then((room) => room.sendBroadcast(event, payload)),
    [binding],
  );
}
