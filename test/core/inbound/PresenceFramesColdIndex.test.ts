import { describe, expect, it } from 'vitest';
import { PresenceFrames } from '../../../src/core/inbound/PresenceFrames.js';
import type { FrameSink, RawMeta } from '../../../src/core/inbound/PresenceFrames.js';
import { SupabaseView } from '../../../src/core/queries/SupabaseView.js';

const refs = (metas: readonly RawMeta[] | undefined): string[] =>
  (metas ?? []).map((m) => String(m.phx_ref));
const presence = (...metaRefs: string[]) => ({ metas: metaRefs.map((r) => ({ phx_ref: r })) });

/** PresenceFrames over a sink that records fresh joins and known leaves. */
function setup() {
  const calls: [string, string, string[]][] = [];
  const sink: FrameSink = {
    joined: (key, fresh) => void calls.push(['join', key, refs(fresh)]),
    left: (key, removed) => void calls.push(['leave', key, refs(removed)]),
    synced: () => {},
  };
  const frames = new PresenceFrames(sink, () => ({}));
  /** Every key and its refs, as iteration gives them (sorted by key). */
  const all = () =>
    [...frames.metas].map(([key, metas]) => [key, refs(metas)]).sort((a, b) => (a < b ? -1 : 1));
  return { calls, frames, all };
}

describe('PresenceFrames: a first presence_state kept as the index, changes beside it', () => {
  it('reads the cold frame by own key only, hiding malformed and empty entries', () => {
    const { calls, frames, all } = setup();
    const cold = JSON.parse(
      '{"a":{"metas":[{"phx_ref":"a1"}]},"__proto__":{"metas":[{"phx_ref":"p1"}]},' +
        '"bad":{"metas":[1,{"phx_ref":"b1"},null]},"empty":{"metas":[]},"junk":7}',
    ) as Record<string, unknown>;
    frames.state(cold, 'j1');
    expect(all()).toEqual([
      ['__proto__', ['p1']],
      ['a', ['a1']],
      ['bad', ['b1']],
    ]);
    expect(refs(frames.metas.get('__proto__'))).toEqual(['p1']);
    // Names on Object.prototype are not keys of the frame.
    for (const key of ['constructor', 'toString', 'hasOwnProperty', 'empty', 'junk'])
      expect(frames.metas.get(key)).toBeUndefined();
    expect(calls.filter((c) => c[2].length > 0).map((c) => c[1])).toEqual([
      'a',
      '__proto__',
      'bad',
    ]);
  });

  it('a leave hides a key of the cold frame; a join brings it back once', () => {
    const { calls, frames, all } = setup();
    frames.state({ a: presence('a1'), b: presence('b1', 'b2') }, 'j1');
    calls.length = 0;
    frames.diff({ joins: {}, leaves: { a: presence('a1'), b: presence('b1') } }, 'j1');
    expect(frames.metas.get('a')).toBeUndefined();
    expect(all()).toEqual([['b', ['b2']]]);
    frames.diff({ joins: { a: presence('a2'), c: presence('c1') }, leaves: {} }, 'j1');
    expect(all()).toEqual([
      ['a', ['a2']],
      ['b', ['b2']],
      ['c', ['c1']],
    ]);
    // A leave of a key that only the changes know removes it for good.
    frames.diff({ joins: {}, leaves: { c: presence('c1') } }, 'j1');
    expect(frames.metas.get('c')).toBeUndefined();
    expect(all().map(([key]) => key)).toEqual(['a', 'b']);
    expect(calls.map((c) => c[0])).toEqual(['leave', 'leave', 'join', 'join', 'leave']);
  });

  it('a rejoin state over a kept frame leaves what it no longer lists and keeps the rest', () => {
    const { calls, frames, all } = setup();
    frames.state({ a: presence('a1'), b: presence('b1') }, 'j1');
    frames.diff({ joins: { c: presence('c1') }, leaves: {} }, 'j1');
    calls.length = 0;
    frames.state({ b: presence('b1'), c: presence('c1') }, 'j2');
    expect(calls).toEqual([['leave', 'a', ['a1']]]);
    expect(all()).toEqual([
      ['b', ['b1']],
      ['c', ['c1']],
    ]);
    // The second frame is not kept as the index: a later leave of it still applies.
    frames.diff({ joins: {}, leaves: { b: presence('b1') } }, 'j2');
    expect(all()).toEqual([['c', ['c1']]]);
  });

  it("presenceState() lists each key once, with the cold frame's and the changed keys", () => {
    const { frames } = setup();
    frames.state({ a: presence('a1'), b: presence('b1') }, 'j1');
    frames.diff({ joins: { a: presence('a2'), d: presence('d1') }, leaves: {} }, 'j1');
    const state = SupabaseView.state(frames.metas);
    expect(Object.keys(state).sort()).toEqual(['a', 'b', 'd']);
    expect(state.a?.map((m) => m.presence_ref)).toEqual(['a1', 'a2']);
  });
});
