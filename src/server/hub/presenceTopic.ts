import { deepEqual } from './deepEqual.js';
import { emptyRecord } from './emptyRecord.js';
import { phxRef } from './ids.js';

/** A presence meta as sent on the wire: the tracked payload plus `phx_ref` (and `phx_ref_prev`). */
export type Meta = Record<string, unknown> & { phx_ref: string; phx_ref_prev?: string };

/**
 * `{ key: { metas } }`, the shape of `presence_state` and of each half of a diff. The hub builds
 * these with no prototype: presence keys are client-chosen (`__proto__` is a valid key).
 */
export type PresenceMap = Record<string, { metas: Meta[] }>;

/** A presence diff; both halves are always present (docs/protocol.md §3.4). */
export interface PresenceDiff {
  joins: PresenceMap;
  leaves: PresenceMap;
}

interface Entry {
  key: string;
  payload: Record<string, unknown>;
  meta: Meta;
}

/** One pending change, numbered so late subscribers can skip what their state already holds. */
export interface PresenceOp {
  seq: number;
  kind: 'join' | 'leave';
  /** The channel whose entry changed. */
  channel: number;
  key: string;
  meta: Meta;
}

/** A `presence_state` payload (JSON) and the version it covers. */
export interface PresenceSnapshot {
  seq: number;
  json: string;
}

/** Result of a track call. */
export type TrackResult = 'joined' | 'updated' | 'unchanged';

function makeMeta(payload: Record<string, unknown>, prev?: string): Meta {
  const { phx_ref: _ref, phx_ref_prev: _prev, ...rest } = payload;
  const meta: Meta = { phx_ref: phxRef(), ...rest };
  if (prev !== undefined) meta.phx_ref_prev = prev;
  return meta;
}

/**
 * Presence for one topic: one entry per channel join (keyed by the channel's id), several entries
 * may share a presence key. Changes queue as numbered ops until the hub flushes them as a diff.
 *
 * Joiners get the state as of the last flush (`snapshot`), not the live state: the next flush's
 * diff carries everything after it, so the snapshot's JSON is built at most once per flush
 * instead of once per join (a 1,000-client join storm otherwise re-serialises O(N) state N times).
 */
export class PresenceTopic {
  private readonly entries = new Map<number, Entry>();
  /** The entries as of `flushedSeq`, in the same order as `entries`. */
  private readonly flushed = new Map<number, { key: string; meta: Meta }>();
  private flushedSeq = 0;
  private pending: PresenceOp[] = [];
  private seq = 0;
  private snapshotCache: PresenceSnapshot | null = null;

  /** Number of tracked metas. */
  get size(): number {
    return this.entries.size;
  }

  /** Tracks or updates the channel's meta. An unchanged payload changes nothing. */
  track(channelId: number, key: string, payload: Record<string, unknown>): TrackResult {
    const old = this.entries.get(channelId);
    if (old && old.key === key && deepEqual(old.payload, payload)) return 'unchanged';
    const meta = makeMeta(payload, old?.meta.phx_ref);
    this.entries.set(channelId, { key, payload, meta });
    this.push('join', channelId, key, meta);
    if (old) this.push('leave', channelId, old.key, old.meta);
    return old ? 'updated' : 'joined';
  }

  /** Removes the channel's meta; false if it had none. */
  untrack(channelId: number): boolean {
    const old = this.entries.get(channelId);
    if (!old) return false;
    this.entries.delete(channelId);
    this.push('leave', channelId, old.key, old.meta);
    return true;
  }

  /** True when changes await a flush. */
  get dirty(): boolean {
    return this.pending.length > 0;
  }

  /** Takes the pending ops, leaving none; the snapshot moves up to include them. */
  takePending(): PresenceOp[] {
    const ops = this.pending;
    this.pending = [];
    for (const op of ops) {
      // An update queues the new meta's join before the old one's leave: drop only a live match.
      if (op.kind === 'join') this.flushed.set(op.channel, { key: op.key, meta: op.meta });
      else if (this.flushed.get(op.channel)?.meta === op.meta) this.flushed.delete(op.channel);
    }
    if (ops.length > 0) {
      this.flushedSeq = ops[ops.length - 1]?.seq ?? this.flushedSeq;
      this.snapshotCache = null;
    }
    return ops;
  }

  /** The live state (inspection); joiners get {@link snapshot}. */
  state(): PresenceMap {
    return group(this.entries.values());
  }

  /** `presence_state` as of the last flush and its version; pending changes follow as a diff. */
  snapshot(): PresenceSnapshot {
    this.snapshotCache ??= {
      seq: this.flushedSeq,
      json: JSON.stringify(group(this.flushed.values())),
    };
    return this.snapshotCache;
  }

  private push(kind: PresenceOp['kind'], channel: number, key: string, meta: Meta): void {
    this.pending.push({ seq: ++this.seq, kind, channel, key, meta });
  }
}

/** Appends `meta` under `key`. `map` has no prototype, so any key is its own slot. */
function add(map: PresenceMap, key: string, meta: Meta): void {
  (map[key] ??= { metas: [] }).metas.push(meta);
}

function group(entries: Iterable<{ key: string; meta: Meta }>): PresenceMap {
  const out: PresenceMap = emptyRecord();
  for (const { key, meta } of entries) add(out, key, meta);
  return out;
}

/**
 * Folds ops into one diff. A meta that joins and leaves inside the batch cancels out, as a
 * Phoenix.Presence merge would; ops at or below `afterSeq` are skipped. Null when nothing remains.
 */
export function buildDiff(ops: readonly PresenceOp[], afterSeq = 0): PresenceDiff | null {
  const joins = new Map<string, Meta>();
  const leaves = new Map<string, { key: string; meta: Meta }>();
  const joinKeys = new Map<string, string>();
  for (const op of ops) {
    if (op.seq <= afterSeq) continue;
    const ref = op.meta.phx_ref;
    if (op.kind === 'join') {
      joins.set(ref, op.meta);
      joinKeys.set(ref, op.key);
    } else if (joins.has(ref)) joins.delete(ref);
    else leaves.set(ref, { key: op.key, meta: op.meta });
  }
  if (joins.size === 0 && leaves.size === 0) return null;
  const diff: PresenceDiff = { joins: emptyRecord(), leaves: emptyRecord() };
  for (const [ref, meta] of joins) add(diff.joins, joinKeys.get(ref) ?? '', meta);
  for (const { key, meta } of leaves.values()) add(diff.leaves, key, meta);
  return diff;
}
