import { isPlainObject } from '../model/validateState.js';

/** A presence meta as the server sends it: the tracked payload plus Phoenix's `phx_ref`. */
export type RawMeta = Readonly<Record<string, unknown>>;

/** Where reconciled presence changes go: the room's sync layer and its Supabase view. */
export interface FrameSink {
  /**
   * Metas joined `key`. `fresh` holds those whose ref was not known yet (a repeated join is
   * idempotent); `listed` is the join as sent and `before` the key's metas before it.
   */
  joined(
    key: string,
    fresh: readonly RawMeta[],
    listed: readonly RawMeta[],
    before: readonly RawMeta[],
    fullSync: boolean,
  ): void;
  /** Metas left `key`: `removed` were known, `listed` is the leave as sent, `after` remains. */
  left(
    key: string,
    removed: readonly RawMeta[],
    listed: readonly RawMeta[],
    after: readonly RawMeta[],
  ): void;
  /** A frame (with any diffs buffered before it) is applied; `fullSync` for a `presence_state`. */
  synced(fullSync: boolean): void;
}

/** The refs supabase-js still holds under each key (read only on a rare rejoin, see `state`). */
export type RemainingRefs = () => Readonly<Record<string, readonly { presence_ref?: unknown }[]>>;

const NONE: readonly RawMeta[] = [];

function refOf(meta: RawMeta): string | null {
  const ref = meta.phx_ref;
  return typeof ref === 'string' ? ref : null;
}

function hasRef(metas: readonly RawMeta[], ref: string | null): boolean {
  if (ref === null) return false;
  for (const meta of metas) if (meta.phx_ref === ref) return true;
  return false;
}

/** The metas of one `{ metas: [...] }` entry (the frame's own array when it is well formed). */
function metasOf(presence: unknown): readonly RawMeta[] {
  if (!isPlainObject(presence) || !Array.isArray(presence.metas)) return NONE;
  const metas = presence.metas as unknown[];
  // Copy only when something is malformed: nobody writes to a frame's arrays after us.
  return metas.every(isPlainObject) ? (metas as RawMeta[]) : metas.filter(isPlainObject);
}

function keysOf(value: unknown): { keys: string[]; of: Record<string, unknown> } {
  return isPlainObject(value) ? { keys: Object.keys(value), of: value } : { keys: [], of: {} };
}

/**
 * Reconciles raw `presence_state` / `presence_diff` frames the way Phoenix's Presence does
 * (syncState, syncDiff, pendingDiffs per join ref), keeping one small array of metas per key and
 * never cloning: a diff costs O(its keys), a state one pass over the keys.
 */
export class PresenceFrames {
  readonly #index = new Map<string, readonly RawMeta[]>();
  #pending: unknown[] = [];
  #syncedRef: unknown = null;
  readonly #sink: FrameSink;
  readonly #remainingRefs: RemainingRefs;

  constructor(sink: FrameSink, remainingRefs: RemainingRefs) {
    this.#sink = sink;
    this.#remainingRefs = remainingRefs;
  }

  /** Every key's metas, as the server last described them. */
  get metas(): ReadonlyMap<string, readonly RawMeta[]> {
    return this.#index;
  }

  /** A `presence_diff`; buffered until the `presence_state` of the current join arrives. */
  diff(payload: unknown, joinRef: unknown): void {
    if (this.#syncedRef === null || this.#syncedRef !== joinRef) {
      this.#pending.push(payload);
      return;
    }
    this.#applyDiff(payload, false);
    this.#sink.synced(false);
  }

  /** A `presence_state`: a full sync against what we hold, then the diffs buffered before it. */
  state(payload: unknown, joinRef: unknown): void {
    this.#syncedRef = joinRef;
    const { keys, of: listedKeys } = keysOf(payload);
    // Phoenix applies every join before any leave, so leaves wait; keys absent from the frame
    // are untouched by its joins and can be collected first.
    const leaves: [string, readonly RawMeta[]][] = [];
    for (const [key, metas] of this.#index) {
      if (!Object.prototype.hasOwnProperty.call(listedKeys, key)) leaves.push([key, metas]);
    }
    let remaining: ReturnType<RemainingRefs> | null = null;
    for (const key of keys) {
      const listed = metasOf(listedKeys[key]);
      const before = this.#index.get(key);
      if (!before) {
        this.#join(key, listed, true, NONE);
        continue;
      }
      const joined = listed.filter((meta) => !hasRef(before, refOf(meta)));
      // Phoenix's syncState runs first and, when a known key gained metas, replaces that key's
      // `metas` in this very payload with only the joined ones: the unchanged ones are then not
      // in the frame, so ask supabase-js which remain (rejoins only; one clone per frame).
      let kept = listed;
      if (joined.length > 0) {
        remaining ??= this.#remainingRefs();
        kept = (remaining[key] ?? []).map((meta) => ({ phx_ref: meta.presence_ref }));
      }
      const left = before.filter((meta) => !hasRef(kept, refOf(meta)));
      if (left.length > 0) leaves.push([key, left]);
      if (joined.length > 0) this.#join(key, joined, true);
    }
    for (const [key, metas] of leaves) this.#leave(key, metas);
    const pending = this.#pending;
    this.#pending = [];
    for (const diff of pending) this.#applyDiff(diff, true);
    this.#sink.synced(true);
  }

  /** Joins first, then leaves: an update (new ref joins, old ref leaves) never looks like a leave. */
  #applyDiff(diff: unknown, fullSync: boolean): void {
    if (!isPlainObject(diff)) return;
    const joins = keysOf(diff.joins);
    for (const key of joins.keys) this.#join(key, metasOf(joins.of[key]), fullSync);
    const leaves = keysOf(diff.leaves);
    for (const key of leaves.keys) this.#leave(key, metasOf(leaves.of[key]));
  }

  /** `before`: the key's metas when the caller has just read them (a cold sync reads once). */
  #join(
    key: string,
    listed: readonly RawMeta[],
    fullSync: boolean,
    before = this.#index.get(key) ?? NONE,
  ): void {
    let fresh = listed;
    let next = listed;
    if (before.length > 0) {
      fresh = listed.filter((meta) => !hasRef(before, refOf(meta)));
      next = [...before.filter((meta) => !hasRef(listed, refOf(meta))), ...listed];
    }
    if (next.length > 0) this.#index.set(key, next);
    this.#sink.joined(key, fresh, listed, before, fullSync);
  }

  #leave(key: string, listed: readonly RawMeta[]): void {
    const before = this.#index.get(key);
    if (!before) return;
    const removed: RawMeta[] = [];
    const after: RawMeta[] = [];
    for (const meta of before) (hasRef(listed, refOf(meta)) ? removed : after).push(meta);
    if (after.length > 0) this.#index.set(key, after);
    else this.#index.delete(key);
    this.#sink.left(key, removed, listed, after);
  }
}
