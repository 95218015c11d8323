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
  const pg = config['postgres_changes'];
  return {
    self: bool(broadcast['self']),
    ack: bool(broadcast['ack']),
    presenceEnabled: bool(presence['enabled']),
    presenceKey: typeof key === 'string' ? key : typeof key === 'number' ? String(key) : '',
    private: bool(config['private']),
    postgresChanges: Array.isArray(pg) ? pg : [],
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

/** Echoes requested postgres_changes bindings with an `id`, which the client matches by index. */
export function postgresChangesReply(bindings: unknown[]): unknown[] {
  return bindings.map((binding, i) => ({ ...obj(binding), id: i + 1 }));
}
