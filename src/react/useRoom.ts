import type { Room, UserState } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';

/**
 * Escape hatch: the engine's `Room` (its zustand store, the supabase-js channel, the Supabase
 * `presenceState()` view). `null` on the server and until the provider has joined.
 *
 * @example
 * const room = useRoom();
 * useEffect(() => room?.onSupabasePresence('sync', () => console.log(room.presenceState())), [room]);
 */
export function useRoom<S extends UserState = UserState>(): Room<S> | null {
  return usePresenceContext<S>().room;
}
