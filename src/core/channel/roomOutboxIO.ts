import type { RealtimeChannel } from '@supabase/supabase-js';
import type { PresenceError } from '../facade/PresenceError.js';
import type { PresenceSettings } from '../facade/settings.js';
import type { OutboxIO } from '../outbound/Outbox.js';
import type { PresenceMeta } from '../outbound/wire.js';

/** What a room's outbox sends through. */
export interface RoomOutboxDeps {
  readonly channelName: string;
  readonly settings: Pick<PresenceSettings, 'identity' | 'presenceKey'>;
  /** The current channel (a rejoin replaces it). */
  channel(): RealtimeChannel;
  /** Whether a push would go out on the open socket. */
  canSend(): boolean;
  /** The lifecycle's presence `track` (refusals reported, never thrown). */
  track(meta: PresenceMeta): void;
  report(error: PresenceError): void;
}

/**
 * How one room's `Outbox` reaches the wire: broadcasts on the current channel, and tracks that
 * are signed first when verified identity is on (`PresenceIdentity.signedTracks`). Built before
 * the lifecycle exists, so every member reads through the functions it is given.
 */
export function roomOutboxIO(deps: RoomOutboxDeps): OutboxIO {
  const plain = (meta: PresenceMeta) => deps.track(meta);
  const { identity, presenceKey } = deps.settings;
  const track = identity
    ? identity.signedTracks(deps.channelName, presenceKey, plain, deps.report)
    : plain;
  return {
    now: () => Date.now(),
    canSend: () => deps.canSend(),
    broadcast: (event, payload) => void deps.channel().send({ type: 'broadcast', event, payload }),
    track,
  };
}
