import type { StateLimits } from '../facade/limits.js';
import type { FrozenState } from '../model/stateObject.js';
import type { ChannelType, UserState } from '../types.js';
import { checkFrozenState, isPlainObject } from '../model/validateState.js';
import { decodeProof, MAX_VERSION } from '../outbound/proofCodec.js';

/**
 * How far ahead of our clock a remote timestamp may be. Later ones are dropped; earlier ones
 * are clamped to our clock, so no sender can pin its state as the newest.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** A remote connection's state as carried by a presence meta or a `pk:state` broadcast. */
export interface RemoteConnectionState<S extends UserState = UserState> {
  connectionId: string;
  /** A position on the sender's hash chain (see `HashChain`). */
  version: number;
  /** The chain element at `version`, `null` when missing or malformed. */
  proof: Uint32Array | null;
  /** The next epoch's anchor (tracked metas only). */
  next: Uint32Array | null;
  state: FrozenState<S>;
  /** Sender's clock, clamped to ours. */
  updatedAt: number;
  joinedAt: number;
  /** A meta's verified-identity fields, unread until an identity check. */
  identity: unknown;
}

/** A validated remote payload, or why it was dropped. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function bad<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** A sender's timestamp: missing is `now`, too far ahead is refused, the rest clamped to `now`. */
function senderTime(value: unknown, now: number): number | null {
  if (!isTime(value)) return now;
  return value > now + MAX_CLOCK_SKEW_MS ? null : Math.min(value, now);
}

function isVersion(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_VERSION
  );
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
  const { connectionId, version, state } = raw;
  if (!isConnectionId(connectionId, limits)) return bad('connectionId is missing or invalid');
  if (!isVersion(version)) return bad('version is not a bounded non-negative integer');
  const checked = checkFrozenState<S>(state, limits);
  if (!checked.ok) return bad(checked.problem.reason);
  const updatedAt = senderTime(raw.updatedAt, now);
  const joinedAt = senderTime(raw.joinedAt, now);
  if (updatedAt === null || joinedAt === null) return bad('a timestamp is in the future');
  const proof = decodeProof(raw.proof);
  const next = decodeProof(raw.next);
  const { identity } = raw;
  return {
    ok: true,
    value: {
      connectionId,
      version,
      proof,
      next,
      state: checked.state,
      updatedAt,
      joinedAt,
      identity,
    },
  };
}

/** A `pk:leave` payload: who is leaving on purpose, with the proof that it is them. */
export interface LeaveNotice {
  userId: string;
  connectionId: string;
  version: number;
  proof: Uint32Array | null;
}

/** Validates a `pk:leave` payload: who is leaving on purpose. */
export function parseLeaveNotice(raw: unknown, limits: StateLimits): Parsed<LeaveNotice> {
  if (!isPlainObject(raw)) return bad('payload is not a plain object');
  const { userId, connectionId, version } = raw;
  if (typeof userId !== 'string' || userId.length === 0) return bad('userId is missing');
  if (!isConnectionId(connectionId, limits)) return bad('connectionId is missing or invalid');
  if (!isVersion(version)) return bad('version is not a bounded non-negative integer');
  return { ok: true, value: { userId, connectionId, version, proof: decodeProof(raw.proof) } };
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
