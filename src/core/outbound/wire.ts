import type { UserState } from '../types.js';

/**
 * The kit's own Broadcast events. All start with `pk:` so app events never collide with them;
 * `Room.onBroadcast` / `sendBroadcast` refuse the prefix.
 */
export const PK_EVENTS = Object.freeze({
  /** Full state of one connection: `{ userId, connectionId, version, state, updatedAt, joinedAt }`. */
  state: 'pk:state',
  /** A graceful leave: `{ userId, connectionId }`, sent before the channel leaves. */
  leave: 'pk:leave',
});

/** Prefix reserved for the kit's events. */
export const PK_PREFIX = 'pk:';

/** What the kit tracks into presence for one connection (full state; idempotent). */
export interface PresenceMeta {
  connectionId: string;
  version: number;
  state: UserState;
  updatedAt: number;
  joinedAt: number;
  [key: string]: unknown;
}
