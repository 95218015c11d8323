import type { UserState } from '../types.js';

/**
 * The kit's own Broadcast events. All start with `pk:` so app events never collide with them;
 * `Room.onBroadcast` / `sendBroadcast` refuse the prefix.
 */
export const PK_EVENTS = Object.freeze({
  /**
   * Full state of one connection: `{ userId, connectionId, version, proof, state, updatedAt,
   * joinedAt }`, where `proof` is the connection's hash-chain element at `version`.
   */
  state: 'pk:state',
  /** A graceful leave: `{ userId, connectionId, version, proof }`, sent before the channel leaves. */
  leave: 'pk:leave',
});

/** Prefix reserved for the kit's events. */
export const PK_PREFIX = 'pk:';

/** What the kit tracks into presence for one connection (full state; idempotent). */
export interface PresenceMeta {
  connectionId: string;
  /** A fresh position on the connection's hash chain. */
  version: number;
  /** The chain element at `version`; the server binds it to this connection (see `HashChain`). */
  proof?: string;
  /** The anchor of the chain's next epoch, once built. */
  next?: string;
  state: UserState;
  updatedAt: number;
  joinedAt: number;
  [key: string]: unknown;
}
