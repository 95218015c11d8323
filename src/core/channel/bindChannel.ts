import type { RealtimeChannel } from '@supabase/supabase-js';
import type { FrameSink } from '../inbound/PresenceFrames.js';
import { PresenceFrames } from '../inbound/PresenceFrames.js';
import type { PresenceRoom } from './PresenceRoom.js';
import { SupabaseView } from '../queries/SupabaseView.js';
import type { UserState } from '../types.js';
import { isPlainObject } from '../model/validateState.js';

/** A Phoenix binding callback: the decoded payload, the frame's ref and its join ref. */
type RawCallback = (payload: unknown, ref: unknown, joinRef: unknown) => void;
type RawOn = (type: string, filter: Record<string, never>, callback: RawCallback) => unknown;

/** Feeds reconciled presence changes to the room, and to its Supabase view when listened to. */
function roomSink<S extends UserState>(room: PresenceRoom<S>): FrameSink {
  return {
    joined(key, fresh, listed, before, fullSync) {
      if (fresh.length > 0) room.sync.metasJoined(key, fresh, fullSync);
      if (room.listensSupabase('join')) {
        const newPresences = SupabaseView.metas(listed);
        const currentPresences = SupabaseView.metas(before);
        room.forwardSupabase('join', { event: 'join', key, currentPresences, newPresences });
      }
    },
    left(key, removed, listed, after) {
      if (removed.length > 0) room.sync.metasLeft(key, removed);
      if (room.listensSupabase('leave')) {
        const leftPresences = SupabaseView.metas(listed);
        const currentPresences = SupabaseView.metas(after);
        room.forwardSupabase('leave', { event: 'leave', key, currentPresences, leftPresences });
      }
    },
    synced(fullSync) {
      room.lifecycle.onSync(fullSync);
      room.forwardSupabase('sync', { event: 'sync' });
    },
  };
}

/**
 * Registers the room's listeners on its channel; returns the room's presence reconciler. Binds
 * the raw `presence_state` / `presence_diff` frames (plain Phoenix bindings through supabase-js's
 * public `on`) rather than supabase-js's per-key presence callbacks, so the kit reconciles in
 * O(diff) from the frames themselves. Presence stays on through `config.presence.enabled`.
 */
export function bindChannel<S extends UserState>(
  channel: RealtimeChannel,
  room: PresenceRoom<S>,
): PresenceFrames {
  const frames = new PresenceFrames(roomSink(room), () => channel.presenceState());
  // supabase-js types `on` for its own listen types only; other types are plain Phoenix events.
  const on = channel.on.bind(channel) as unknown as RawOn;
  on('presence_state', {}, (payload, _ref, joinRef) => frames.state(payload, joinRef));
  on('presence_diff', {}, (payload, _ref, joinRef) => frames.diff(payload, joinRef));
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
  return frames;
}
