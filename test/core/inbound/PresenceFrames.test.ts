import { describe, expect, it } from 'vitest';
import { PresenceFrames } from '../../../src/core/inbound/PresenceFrames.js';
import type { FrameSink, RawMeta } from '../../../src/core/inbound/PresenceFrames.js';
import { SupabaseView } from '../../../src/core/queries/SupabaseView.js';

type Call = [string, string, string[]];

const refs = (metas: readonly RawMeta[]): string[] => metas.map((m) => String(m.phx_ref));
const meta = (ref: string, extra: Record<string, unknown> = {}): RawMeta => ({
  phx_ref: ref,
  ...extra,
});
const presence = (...metaRefs: string[]) => ({ metas: metaRefs.map((r) => meta(r)) });

/** A PresenceFrames over a sink that records fresh joins, known leaves and syncs. */
function setup(remaining: Record<string, string[]> = {}) {
  const calls: Call[] = [];
  const sink: FrameSink = {
    joined: (key, fresh) => void calls.push(['join', key, refs(fresh)]),
    left: (key, removed) => void calls.push(['leave', key, refs(removed)]),
    synced: (full) => void calls.push(['sync', full ? 'full' : 'diff', []]),
  };
  const supabaseState = () =>
    Object.fromEntries(
      Object.entries(remaining).map(([k, rs]) => [k, rs.map((r) => ({ presence_ref: r }))]),
    );
  const frames = new PresenceFrames(sink, supabaseState);
  const keyRefs = (key: string) => refs(frames.metas.get(key) ?? []);
  return { calls, frames, keyRefs };
}

describe('PresenceFrames: raw presence frames reconciled like Phoenix', () => {
  it('buffers diffs that arrive after a rejoin until its presence_state, then applies them', () => {
    const { calls, frames, keyRefs } = setup();
    frames.state({ a: presence('a1') }, 'j1');
    calls.length = 0;
    // Rejoined as j2: this diff belongs to the new join but its presence_state is not here yet.
    frames.diff({ joins: { b: presence('b1') }, leaves: {} }, 'j2');
    expect(calls).toEqual([]);
    frames.state({ a: presence('a1'), c: presence('c1') }, 'j2');
    expect(calls).toEqual([
      ['join', 'c', ['c1']],
      ['join', 'b', ['b1']],
      ['sync', 'full', []],
    ]);
    expect([...frames.metas.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(keyRefs('a')).toEqual(['a1']);
  });

  it('applies joins before leaves: a leave and a join of the same key in one diff', () => {
    const { calls, frames, keyRefs } = setup();
    frames.state({ k: presence('r1') }, 'j1');
    calls.length = 0;
    frames.diff({ joins: { k: presence('r2') }, leaves: { k: presence('r1') } }, 'j1');
    expect(calls).toEqual([
      ['join', 'k', ['r2']],
      ['leave', 'k', ['r1']],
      ['sync', 'diff', []],
    ]);
    expect(keyRefs('k')).toEqual(['r2']);
  });

  it('applies an update (new ref with phx_ref_prev, old ref leaving) and hides phx_ref_prev', () => {
    const { calls, frames, keyRefs } = setup();
    frames.state({ k: { metas: [meta('r1', { v: 1 })] } }, 'j1');
    calls.length = 0;
    const update = meta('r2', { phx_ref_prev: 'r1', v: 2 });
    frames.diff({ joins: { k: { metas: [update] } }, leaves: { k: presence('r1') } }, 'j1');
    expect(calls.map((c) => c[0])).toEqual(['join', 'leave', 'sync']);
    expect(keyRefs('k')).toEqual(['r2']);
    expect(SupabaseView.metas(frames.metas.get('k') ?? [])).toEqual([{ v: 2, presence_ref: 'r2' }]);
  });

  it('ignores a leave of an unknown ref or key', () => {
    const { calls, frames, keyRefs } = setup();
    frames.state({ k: presence('r1') }, 'j1');
    calls.length = 0;
    frames.diff({ joins: {}, leaves: { k: presence('nope'), ghost: presence('g1') } }, 'j1');
    expect(calls).toEqual([
      ['leave', 'k', []],
      ['sync', 'diff', []],
    ]);
    expect(keyRefs('k')).toEqual(['r1']);
  });

  it('treats a repeated join of a known ref as idempotent', () => {
    const { calls, frames, keyRefs } = setup();
    frames.state({}, 'j1');
    frames.diff({ joins: { k: presence('r1') }, leaves: {} }, 'j1');
    frames.diff({ joins: { k: presence('r1') }, leaves: {} }, 'j1');
    expect(calls.filter((c) => c[0] === 'join')).toEqual([
      ['join', 'k', ['r1']],
      ['join', 'k', []],
    ]);
    expect(keyRefs('k')).toEqual(['r1']);
  });

  it('on a new presence_state, leaves vanished keys and refs and joins only new refs', () => {
    const { calls, frames, keyRefs } = setup();
    frames.state({ a: presence('a1', 'a2'), b: presence('b1') }, 'j1');
    calls.length = 0;
    frames.state({ a: presence('a1') }, 'j2');
    expect(calls).toEqual([
      ['leave', 'b', ['b1']],
      ['leave', 'a', ['a2']],
      ['sync', 'full', []],
    ]);
    expect(keyRefs('a')).toEqual(['a1']);
  });

  it('recovers the kept refs when Phoenix trimmed a rejoin state to the joined metas', () => {
    // Phoenix's syncState runs first and leaves only `a3` in the frame; supabase-js holds a1 + a3.
    const { calls, frames, keyRefs } = setup({ a: ['a1', 'a3'] });
    frames.state({ a: presence('a1', 'a2') }, 'j1');
    calls.length = 0;
    frames.state({ a: presence('a3') }, 'j2');
    expect(calls).toEqual([
      ['join', 'a', ['a3']],
      ['leave', 'a', ['a2']],
      ['sync', 'full', []],
    ]);
    expect(keyRefs('a').sort()).toEqual(['a1', 'a3']);
  });
});
