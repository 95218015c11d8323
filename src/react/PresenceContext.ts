import { createContext, useContext } from 'react';
import type { Presence, Room, UserState } from '../core/index.js';
import type { RoomStore } from './emptyRoomStore.js';
import type { RoomBinding } from './RoomBinding.js';

/** What `<PresenceProvider>` hands to the hooks below it. */
export interface PresenceContextValue<S extends UserState = UserState> {
  readonly channelName: string;
  readonly selfId: string;
  /** `null` on the server and until the provider's first effect. */
  readonly presence: Presence<S> | null;
  /** `null` on the server and until the engine has the room. */
  readonly room: Room<S> | null;
  /** `room.store`, or a constant empty store while there is no room. */
  readonly store: RoomStore<S>;
  readonly binding: RoomBinding<S>;
}

export const PresenceContext = createContext<PresenceContextValue | null>(null);
PresenceContext.displayName = 'PresenceContext';

/** The nearest provider's value; throws a clear error outside one. */
export function usePresenceContext<S extends UserState = UserState>(): PresenceContextValue<S> {
  const value = useContext(PresenceContext);
  if (value === null)
    throw new Error('presence-kit: this hook must be used inside <PresenceProvider>.');
  // The provider is generic on S; the factory binds S once, so this is the one cast needed.
  return value as unknown as PresenceContextValue<S>;
}
