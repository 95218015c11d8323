import { useEffect } from 'react';
import type { PresenceEvent, PresenceEventType, UserState } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';
import { useLatestCallback } from './useLatestCallback.js';

/**
 * Calls `handler` for this room's Agora-style presence events of `type` (or every type with
 * `'*'`): `SNAPSHOT`, `REMOTE_JOIN`, `REMOTE_LEAVE`, `REMOTE_TIMEOUT`, `REMOTE_STATE_CHANGED`,
 * `INTERVAL`. The latest `handler` is always called; a new one per render does not resubscribe.
 *
 * @example
 * usePresenceEvent('REMOTE_JOIN', (event) => toast(`${event.publisher} joined`));
 * usePresenceEvent('*', (event) => log.push(event));
 */
export function usePresenceEvent<S extends UserState = UserState>(
  type: PresenceEventType | '*',
  handler: (event: PresenceEvent<S>) => void,
): void {
  const { presence, channelName } = usePresenceContext<S>();
  const onEvent = useLatestCallback(handler);
  useEffect(() => {
    if (presence === null) return undefined;
    return presence.addEventListener('presence', (event) => {
      if (event.channelName === channelName && (type === '*' || event.eventType === type))
        onEvent(event);
    });
  }, [presence, channelName, type, onEvent]);
}
