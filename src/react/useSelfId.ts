import { usePresenceContext } from './PresenceContext.js';

/**
 * The user id the nearest `<PresenceProvider>` joins as: known from the first render (on the
 * server too) and fixed for the provider's life, so it never re-renders anything. Use it to tell
 * "mine" from "theirs" without subscribing to the room, as {@link useSelf} would.
 *
 * @example
 * const selfId = useSelfId();
 * const isHost = room.hostId === selfId;
 */
export function useSelfId(): string {
  return usePresenceContext().selfId;
}
