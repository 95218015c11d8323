import type { StateLimits } from '../facade/limits.js';
import type { FrozenState } from '../model/stateObject.js';
import type { ChannelType, UserState } from '../types.js';
import { checkFrozenState, isPlainObject } from '../model/validateState.js';

/** A remote connection's state as carried by a presence meta or a `pk:state` broadcast. */
export interface RemoteConnectionState<S extends UserState = UserState> {
  connectionId: string;
  version: number;
  state: FrozenState<S>;
  updatedAt: number;
  joinedAt: number;
}

/** A validated remote payload, or why it was dropped. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function bad<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** A connection id: a non-empty string of bounded length. */
export function isConnectionId(value: unknown, limits: StateLimits): value is string {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= limits.maxConnectionIdLength
  );
}

/**
 * Validates the kit's part of a presence meta or a `pk:state` payload. Only known fields are read,
 * so extra top-level keys cost nothing and never reach the store.
 */
export function parseConnectionState<S extends UserState>(
  raw: unknown,
  limits: StateLimits,
  now: number,
): Parsed<RemoteConnectionState<S>> {
  if (!isPlainObject(raw)) return bad('payload is not a plain object');
  const { connectionId, version, state, updatedAt, joinedAt } = raw;
  if (!isConnectionId(connectionId, limits)) return bad('connectionId is missing or invalid');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0)
    return bad('version is not a non-negative integer');
  const checked = checkFrozenState<S>(state, limits);
  if (!checked.ok) return bad(checked.problem.reason);
  return {
    ok: true,
    value: {
      connectionId,
      version,
      state: checked.state,
      updatedAt: isTime(updatedAt) ? updatedAt : now,
      joinedAt: isTime(joinedAt) ? joinedAt : now,
    },
  };
}

/** Validates a `pk:leave` payload: who is leaving on purpose. */
export function parseLeaveNotice(
  raw: unknown,
  limits: StateLimits,
): Parsed<{ userId: string; connectionId: string }> {
  if (!isPlainObject(raw)) return bad('payload is not a plain object');
  const { userId, connectionId } = raw;
  if (typeof userId !== 'string' || userId.length === 0) return bad('userId is missing');
  if (!isConnectionId(connectionId, limits)) return bad('connectionId is missing or invalid');
  return { ok: true, value: { userId, connectionId } };
}

/** One directory entry: the channels a connection is in. */
export interface DirectoryEntry {
  connectionId: string;
  version: number;
  channels: { channelName: string; channelType: ChannelType }[];
}

function parseChannelRef(
  raw: unknown,
  limits: StateLimits,
): { channelName: string; channelType: ChannelType } | null {
  if (!isPlainObject(raw)) return null;
  const { channelName, channelType } = raw;
  if (
    typeof channelName !== 'string' ||
    channelName.length === 0 ||
    channelName.length > limits.maxChannelNameLength
  )
    return null;
  if (channelType !== 'MESSAGE' && channelType !== 'STREAM') return null;
  return { channelName, channelType };
}

/** Validates a directory presence meta. */
export function parseDirectoryEntry(raw: unknown, limits: StateLimits): Parsed<DirectoryEntry> {
  if (!isPlainObject(raw)) return bad('payload is not a plain object');
  const { connectionId, version, channels } = raw;
  if (!isConnectionId(connectionId, limits)) return bad('connectionId is missing or invalid');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0)
    return bad('version is not a non-negative integer');
  if (!Array.isArray(channels) || channels.length > limits.maxDirectoryChannels)
    return bad('channels is not a bounded array');
  const parsed: DirectoryEntry['channels'] = [];
  for (const item of channels as unknown[]) {
    const ref = parseChannelRef(item, limits);
    if (!ref) return bad('channels holds an invalid entry');
    parsed.push(ref);
  }
  return { ok: true, value: { connectionId, version, channels: parsed } };
}
