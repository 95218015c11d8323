import type { SupabaseClient } from '@supabase/supabase-js';
import type { PresenceError } from '../facade/PresenceError.js';
import type { PresenceSettings } from '../facade/settings.js';
import type { PresenceEvent, UserState } from '../types.js';

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
