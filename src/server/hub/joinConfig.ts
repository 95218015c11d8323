import { isJsonObject } from '../protocol/json.js';
import type { JsonObject } from '../protocol/types.js';
import type { ChannelConfig } from './context.js';

/** The real server accepts "true"/"false" strings as booleans. */
function bool(value: unknown): boolean {
  return value === true || value === 'true';
}

function obj(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

/** Reads a join payload's `config` leniently: anything missing is false or empty (docs/protocol.md §2.1). */
export function parseJoinConfig(payload: JsonObject): ChannelConfig {
  const config = obj(payload['config']);
  const broadcast = obj(config['broadcast']);
  const presence = obj(config['presence']);
  const key = presence['key'];
  return {
    self: bool(broadcast['self']),
    ack: bool(broadcast['ack']),
    presenceEnabled: bool(presence['enabled']),
    presenceKey: typeof key === 'string' ? key : typeof key === 'number' ? String(key) : '',
    private: bool(config['private']),
  };
}

/** The token a join authenticates with: `access_token` (or legacy `user_token`), else the apikey. */
export function joinToken(payload: JsonObject, fallback: string): string {
  for (const field of ['access_token', 'user_token']) {
    const value = payload[field];
    // New-style `sb_` keys are not JWTs; the real server ignores them here.
    if (typeof value === 'string' && value !== '' && !value.startsWith('sb_')) return value;
  }
  return fallback;
}

/**
 * Echoes a join's postgres_changes bindings with an `id`, which the client matches by index. Read
 * from the join payload for the reply only: the channel does not keep them (they were kept on
 * every channel, as large as the frame, though no database events are ever sent).
 */
export function postgresChangesReply(payload: JsonObject): unknown[] {
  const bindings = obj(payload['config'])['postgres_changes'];
  if (!Array.isArray(bindings)) return [];
  return bindings.map((binding, i) => ({ ...obj(binding), id: i + 1 }));
}
