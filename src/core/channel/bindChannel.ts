import type { RealtimeChannel } from '@supabase/supabase-js';
import { isPlainObject } from '../model/validateState.js';

/** A Phoenix binding callback: the decoded payload, the frame's ref and its join ref. */
type RawCallback = (payload: unknown, ref: unknown, joinRef: unknown) => void;
type RawOn = (type: string, filter: Record<string, never>, callback: RawCallback) => unknown;

/** Where a room's channel delivers what it receives. */
export interface ChannelHandlers {
  /** A raw `presence_state` frame and the join ref it answers. */
  presenceState(payload: unknown, joinRef: unknown): void;
  /** A raw `presence_diff` frame and its join ref. */
  presenceDiff(payload: unknown, joinRef: unknown): void;
  /** Any Broadcast event (the kit's `pk:` ones included). */
  broadcast(event: string, payload: unknown): void;
  /** The server's reason for the shutdown that follows (`system` error message). */
  shutdownNotice(reason: string): void;
}

/**
 * Registers a room's listeners on its channel. Binds the raw `presence_state` / `presence_diff`
 * frames (plain Phoenix bindings through supabase-js's public `on`) rather than supabase-js's
 * per-key presence callbacks, so the kit reconciles in O(diff) from the frames themselves.
 * Presence stays on through `config.presence.enabled`.
 */
export function bindChannel(channel: RealtimeChannel, handlers: ChannelHandlers): void {
  // supabase-js types `on` for its own listen types only; other types are plain Phoenix events.
  const on = channel.on.bind(channel) as unknown as RawOn;
  on('presence_state', {}, (payload, _ref, joinRef) => handlers.presenceState(payload, joinRef));
  on('presence_diff', {}, (payload, _ref, joinRef) => handlers.presenceDiff(payload, joinRef));
  channel.on('broadcast', { event: '*' }, (message: Record<string, unknown>) => {
    if (typeof message.event === 'string') handlers.broadcast(message.event, message.payload);
  });
  onShutdownNotice(channel, (reason) => handlers.shutdownNotice(reason));
}

/** Calls `notice` with the server's reason for the shutdown that follows (at most 500 chars). */
export function onShutdownNotice(channel: RealtimeChannel, notice: (reason: string) => void): void {
  channel.on('system', {}, (payload: unknown) => {
    // A server shutdown sends `system` with status "error" just before `phx_close`: keep the reason.
    if (
      isPlainObject(payload) &&
      payload.status === 'error' &&
      typeof payload.message === 'string'
    ) {
      notice(payload.message.slice(0, 500));
    }
  });
}
