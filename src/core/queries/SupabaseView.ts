import type { RawMeta } from '../inbound/PresenceFrames.js';
import type { SupabasePresenceState } from '../types.js';

type SupabaseMeta = SupabasePresenceState[string][number];

/**
 * Supabase's view of presence metas, built only when an app asks (`Room.presenceState()`, or a
 * `Room.onSupabasePresence` listener): the kit itself reads raw frames and never needs it. An
 * object so that tests can count the builds.
 */
export const SupabaseView = {
  /**
   * Metas as supabase-js hands them out: deep copies (the app may mutate them) with `phx_ref`
   * renamed `presence_ref` and `phx_ref_prev` dropped.
   */
  metas(metas: readonly RawMeta[]): SupabaseMeta[] {
    return metas.map((meta) => {
      // A JSON round trip keeps a `__proto__` key an own property, as supabase-js's clone does.
      const copy = JSON.parse(JSON.stringify(meta)) as Record<string, unknown>;
      const ref = copy.phx_ref;
      delete copy.phx_ref;
      delete copy.phx_ref_prev;
      copy.presence_ref = ref;
      return copy as SupabaseMeta;
    });
  },

  /** The whole room as `channel.presenceState()` would give it. O(N): on demand only. */
  state(index: ReadonlyMap<string, readonly RawMeta[]>): SupabasePresenceState {
    return Object.fromEntries(
      [...index].map(([key, metas]) => [key, SupabaseView.metas(metas)]),
    ) as SupabasePresenceState;
  },
};
