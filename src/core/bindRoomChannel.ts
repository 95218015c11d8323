import type { RealtimeChannel } from '@supabase/supabase-js';
import type { PresenceRoom } from './Room.js';
import type { SupabasePresenceEvent, UserState } from './types.js';
import { isPlainObject } from './validateState.js';

/**
 * Registers the room's listeners on its channel. Must run before `subscribe()`: supabase-js
 * refuses presence listeners after it. Uses supabase-js's own per-key `join`/`leave` callbacks
 * (O(diff)); never calls `channel.presenceState()`, which clones the whole room.
 */
export function bindRoomChannel<S extends UserState>(
  channel: RealtimeChannel,
  room: PresenceRoom<S>,
): void {
  channel.on('presence', { event: 'join' }, (payload) => {
    room.sync.metasJoined(payload.key, payload.newPresences, room.lifecycle.awaitingFullSync);
    room.queueCommit();
    room.forwardSupabase('join', payload as unknown as SupabasePresenceEvent);
  });
  channel.on('presence', { event: 'leave' }, (payload) => {
    room.sync.metasLeft(payload.key, payload.leftPresences);
    room.queueCommit();
    room.forwardSupabase('leave', payload as unknown as SupabasePresenceEvent);
  });
  channel.on('presence', { event: 'sync' }, () => {
    room.lifecycle.onSync();
    room.forwardSupabase('sync', { event: 'sync' });
  });
  channel.on('broadcast', { event: '*' }, (message: Record<string, unknown>) => {
    if (typeof message.event === 'string') room.deliverBroadcast(message.event, message.payload);
  });
  channel.on('system', {}, (payload: unknown) => {
    // A server shutdown sends `system` with status "error" just before `phx_close`: keep the reason.
    if (
      isPlainObject(payload) &&
      payload.status === 'error' &&
      typeof payload.message === 'string'
    ) {
      room.lifecycle.shutdownReason = payload.message.slice(0, 500);
    }
  });
}
