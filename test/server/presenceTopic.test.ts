import { describe, expect, it } from 'vitest';
import {
  PresenceTopic,
  buildDiff,
  type PresenceDiff,
  type PresenceMap,
} from '../../src/server/hub/presenceTopic.js';

/** Applies a diff as realtime-js does: joins add metas, leaves remove them by phx_ref. */
function apply(state: PresenceMap, diff: PresenceDiff): PresenceMap {
  const out: PresenceMap = structuredClone(state);
  for (const [key, { metas }] of Object.entries(diff.joins)) {
    const refs = new Set(metas.map((m) => m.phx_ref));
    out[key] = {
      metas: [...(out[key]?.metas ?? []).filter((m) => !refs.has(m.phx_ref)), ...metas],
    };
  }
  for (const [key, { metas }] of Object.entries(diff.leaves)) {
    const refs = new Set(metas.map((m) => m.phx_ref));
    const left = (out[key]?.metas ?? []).filter((m) => !refs.has(m.phx_ref));
    if (left.length > 0) out[key] = { metas: left };
    else delete out[key];
  }
  return out;
}

const sortMetas = (state: PresenceMap) =>
  Object.fromEntries(
    Object.entries(state).map(([k, { metas }]) => [
      k,
      [...metas].sort((a, b) => a.phx_ref.localeCompare(b.phx_ref)),
    ]),
  );

describe('PresenceTopic snapshots (joiners get the last flushed state, then the diff)', () => {
  it('leaves pending changes out of the snapshot until they are flushed', () => {
    const topic = new PresenceTopic();
    topic.track(1, 'alice', { n: 1 });
    expect(topic.snapshot()).toEqual({ seq: 0, json: '{}' });
    topic.takePending();
    const snap = topic.snapshot();
    expect(snap.seq).toBe(1);
    expect(JSON.parse(snap.json)).toEqual(JSON.parse(JSON.stringify(topic.state())));
    topic.track(2, 'bob', {});
    expect(topic.snapshot()).toBe(snap);
  });

  it('keeps an updated meta in place and drops untracked ones', () => {
    const topic = new PresenceTopic();
    topic.track(1, 'alice', { tab: 1 });
    topic.track(2, 'alice', { tab: 2 });
    topic.track(3, 'bob', {});
    topic.takePending();
    topic.track(1, 'alice', { tab: 1, away: true });
    topic.untrack(3);
    topic.takePending();
    expect(JSON.parse(topic.snapshot().json)).toEqual(JSON.parse(JSON.stringify(topic.state())));
    expect(topic.state()['alice']!.metas.map((m) => m['tab'])).toEqual([1, 2]);
  });

  it('snapshot plus the next flush diff equals the live state, whatever happened between', () => {
    const topic = new PresenceTopic();
    let random = 7;
    const next = (n: number) => (random = (random * 48271) % 2147483647) % n;
    for (let round = 0; round < 50; round++) {
      const before = JSON.parse(topic.snapshot().json) as PresenceMap;
      for (let op = 0; op < 8; op++) {
        const channel = next(6);
        if (next(3) === 0) topic.untrack(channel);
        else topic.track(channel, `user-${String(next(3))}`, { v: next(4) });
      }
      const diff = buildDiff(topic.takePending()) ?? { joins: {}, leaves: {} };
      expect(sortMetas(apply(before, diff))).toEqual(sortMetas(topic.state()));
      expect(sortMetas(JSON.parse(topic.snapshot().json) as PresenceMap)).toEqual(
        sortMetas(topic.state()),
      );
    }
  });
});
