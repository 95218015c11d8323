import type { SupabaseClient } from '@supabase/supabase-js';
import type { PresenceError } from '../facade/PresenceError.js';
import type { PresenceSettings } from '../facade/settings.js';
import type { FrozenState } from '../model/stateObject.js';
import type { ChannelType, PresenceEvent, UserState } from '../types.js';

/** Options of one room (resolved from `JoinOptions`). */
export interface RoomOptions<S extends UserState> {
  channelType: ChannelType;
  withPresence: boolean;
  initialState: FrozenState<S>;
}

/** What a room needs from the `Presence` that owns it. */
export interface RoomOwner {
  client: SupabaseClient;
  selfId: string;
  settings: PresenceSettings;
  emit(event: PresenceEvent<UserState>): void;
  report(error: PresenceError): void;
  /** A room's connection status changed (the directory lists our rooms). */
  onStatusChange(): void;
}
