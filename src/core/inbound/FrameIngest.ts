import type { AppListeners } from '../queries/AppListeners.js';
import { SupabaseView } from '../queries/SupabaseView.js';
import type { UserState } from '../types.js';
import type { ConnectionReconciler } from './ConnectionReconciler.js';
import { PresenceFrames } from './PresenceFrames.js';
import type { FrameSink, RawMeta, RemainingRefs } from './PresenceFrames.js';

/** What frame ingestion needs from its room. */
export interface FrameIngestDeps<S extends UserState> {
  reconciler: Pick<ConnectionReconciler<S>, 'metasJoined' | 'metasLeft'>;
  /** The app's Supabase-style presence listeners (their payloads are built only when listened). */
  supabase: Pick<AppListeners, 'hasSupabase' | 'emitSupabase'>;
  /** Runs one frame's writes as one committed batch (see `Committer`). */
  batch(write: () => void): void;
  /** A frame was applied, inside its batch; `fullSync` for a `presence_state`. */
  onSynced(fullSync: boolean): void;
  /** The refs supabase-js still holds (see `PresenceFrames`). */
  remainingRefs: RemainingRefs;
}

/**
 * The inbound entry of presence frames: each raw `presence_state` / `presence_diff` is
 * reconciled by `PresenceFrames` into the reconciler inside one batch, so a frame is one store
 * notification. Supabase-style `join`/`leave` callbacks run as the frame is applied, `sync`
 * after its commit (as supabase-js calls them).
 */
export class FrameIngest<S extends UserState> {
  readonly frames: PresenceFrames;
  readonly #sink: IngestSink<S>;
  readonly #deps: FrameIngestDeps<S>;

  constructor(deps: FrameIngestDeps<S>) {
    this.#deps = deps;
    this.#sink = new IngestSink<S>(deps);
    this.frames = new PresenceFrames(this.#sink, deps.remainingRefs);
  }

  /** A raw `presence_state` frame. */
  state(payload: unknown, joinRef: unknown): void {
    this.#ingest(() => this.frames.state(payload, joinRef));
  }

  /** A raw `presence_diff` frame. */
  diff(payload: unknown, joinRef: unknown): void {
    this.#ingest(() => this.frames.diff(payload, joinRef));
  }

  #ingest(apply: () => void): void {
    this.#sink.applied = false;
    this.#deps.batch(apply);
    // A diff buffered before its join's presence_state applied nothing: no `sync` for it.
    if (this.#sink.applied) this.#deps.supabase.emitSupabase('sync', { event: 'sync' });
  }
}

/**
 * Where `PresenceFrames` hands its reconciled changes. A class, not an object literal of
 * closures: its methods are the same functions for every room, so the hot loop of a cold
 * `presence_state` (optimized once) is not thrown away by the next room's new closures.
 */
class IngestSink<S extends UserState> implements FrameSink {
  /** A frame applied something (a `sync` is due after its commit). */
  applied = false;
  readonly #deps: FrameIngestDeps<S>;

  constructor(deps: FrameIngestDeps<S>) {
    this.#deps = deps;
  }

  joined(
    key: string,
    fresh: readonly RawMeta[],
    listed: readonly RawMeta[],
    before: readonly RawMeta[],
    fullSync: boolean,
  ): void {
    const { reconciler, supabase } = this.#deps;
    if (fresh.length > 0) reconciler.metasJoined(key, fresh, fullSync);
    if (supabase.hasSupabase('join')) {
      const [newPresences, currentPresences] = views(listed, before);
      supabase.emitSupabase('join', { event: 'join', key, currentPresences, newPresences });
    }
  }

  left(
    key: string,
    removed: readonly RawMeta[],
    listed: readonly RawMeta[],
    after: readonly RawMeta[],
  ): void {
    const { reconciler, supabase } = this.#deps;
    if (removed.length > 0) reconciler.metasLeft(key, removed);
    if (supabase.hasSupabase('leave')) {
      const [leftPresences, currentPresences] = views(listed, after);
      supabase.emitSupabase('leave', { event: 'leave', key, currentPresences, leftPresences });
    }
  }

  synced(fullSync: boolean): void {
    this.applied = true;
    this.#deps.onSynced(fullSync);
  }
}

function views(listed: readonly RawMeta[], current: readonly RawMeta[]): [unknown[], unknown[]] {
  return [SupabaseView.metas(listed), SupabaseView.metas(current)];
}
