import { useEffect } from 'react';
import { usePresenceContext } from './PresenceContext.js';
import { useLatestCallback } from './useLatestCallback.js';

/**
 * Listens to a Broadcast `event` on this room's channel (typing, cursors, reactions: anything that
 * should not go through presence). The latest `handler` is always called without resubscribing.
 * Payloads come from other clients: validate them before use.
 *
 * @example
 * useBroadcast('reaction', (payload) => showReaction(payload));
 */
export function useBroadcast(event: string, handler: (payload: unknown) => void): void {
  const { room } = usePresenceContext();
  const onPayload = useLatestCallback(handler);
  useEffect(() => {
    if (room === null) return undefined;
    return room.onBroadcast(event, (payload) => onPayload(payload));
  }, [room, event, onPayload]);
}
