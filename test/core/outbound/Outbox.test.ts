import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../../src/core/outbound/Outbox.js';
import { freezeState } from '../../../src/core/model/stateObject.js';
import { TrackBudget } from '../../../src/core/outbound/TrackBudget.js';
import type { PresenceMeta } from '../../../src/core/outbound/wire.js';

function harness(connected = true) {
  const sent = {
    broadcasts: [] as { event: string; payload: Record<string, unknown> }[],
    tracks: [] as { at: number; meta: PresenceMeta }[],
  };
  const io = {
    connected,
    now: () => Date.now(),
    canSend: () => io.connected,
    broadcast: (event: string, payload: Record<string, unknown>) =>
      sent.broadcasts.push({ event, payload }),
    track: (meta: PresenceMeta) => sent.tracks.push({ at: Date.now(), meta }),
  };
  const outbox = new Outbox('alice', 'conn-1', freezeState([]), io, {
    broadcastThrottleMs: 100,
    trackBudget: { maxCalls: 4, windowMs: 30_000 },
  });
  return { outbox, io, sent };
}

const state = (n: number) => freezeState([['n', String(n)]]);

/** Largest number of tracks inside any window of `windowMs` (closed on both ends, like a strict server). */
function maxInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (const start of times)
    best = Math.max(best, times.filter((t) => t >= start && t <= start + windowMs).length);
  return best;
}

describe('TrackBudget', () => {
  it('spaces calls by window/maxCalls and never allows more than maxCalls per window', () => {
    const budget = new TrackBudget(4, 30_000);
    expect(budget.delayAt(0)).toBe(0);
    budget.record(0);
    expect(budget.delayAt(1000)).toBe(6500);
    budget.record(7500);
    budget.record(15_000);
    budget.record(22_500);
    expect(budget.usedAt(22_500)).toBe(4);
    expect(budget.delayAt(22_500)).toBe(7501);
    budget.reset();
    expect(budget.delayAt(22_500)).toBe(0);
  });

  it('refuses a nonsense configuration', () => {
    expect(() => new TrackBudget(0, 30_000)).toThrow(RangeError);
  });
});

describe('Outbox', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns 100 changes in one second into at most 2 tracks and ≤ 1 broadcast per 100 ms, ending on the final state', () => {
    const { outbox, sent } = harness();
    outbox.subscribed();
    vi.advanceTimersByTime(20_000);
    const tracksBefore = sent.tracks.length;
    for (let i = 1; i <= 100; i += 1) {
      outbox.replace(state(i));
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(150);
    expect(sent.tracks.length - tracksBefore).toBeLessThanOrEqual(2);
    expect(sent.broadcasts.length).toBeLessThanOrEqual(11);
    expect(sent.broadcasts.at(-1)?.payload).toMatchObject({
      userId: 'alice',
      connectionId: 'conn-1',
      state: { n: '100' },
    });
    // Every send takes the next position of the connection's hash chain as its version.
    const versions = [...sent.broadcasts.map((b) => b.payload.version as number)];
    expect(versions.every((v, i) => i === 0 || v > (versions[i - 1] as number))).toBe(true);
    vi.advanceTimersByTime(30_000);
    expect(sent.tracks.at(-1)?.meta).toMatchObject({ state: { n: '100' } });
    expect(sent.tracks.at(-1)?.meta.version).toBeGreaterThan(versions.at(-1) as number);
  });

  it('keeps any random change sequence within 4 tracks per 30 s per join, always ending on the newest state', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const { outbox, sent } = harness();
    outbox.subscribed();
    let version = 0;
    for (let step = 0; step < 2000; step += 1) {
      if (random() < 0.6) outbox.replace(state((version += 1)));
      vi.advanceTimersByTime(Math.floor(random() * 400));
    }
    vi.advanceTimersByTime(60_000);
    const times = sent.tracks.map((t) => t.at);
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(4);
    expect(sent.tracks.at(-1)?.meta.state).toEqual({ n: String(version) });
  });

  it('re-tracks on every subscribe, each join starting a fresh budget', () => {
    const { outbox, sent, io } = harness();
    for (let i = 0; i < 6; i += 1) {
      outbox.subscribed();
      io.connected = false;
      outbox.disconnected();
      vi.advanceTimersByTime(1000);
      io.connected = true;
    }
    expect(sent.tracks).toHaveLength(6);
  });

  it('sends nothing while disconnected; the next subscribe carries the newest state', () => {
    const { outbox, sent } = harness(false);
    outbox.replace(state(1));
    outbox.replace(state(2));
    vi.advanceTimersByTime(60_000);
    expect(sent.broadcasts).toHaveLength(0);
    expect(sent.tracks).toHaveLength(0);
  });

  it('ignores a change that does not change the content', () => {
    const { outbox, sent } = harness();
    outbox.subscribed();
    expect(outbox.replace(freezeState([]))).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(sent.broadcasts).toHaveLength(0);
  });

  it('re-sends state for a newcomer only while presence lags behind', () => {
    const { outbox, sent } = harness();
    outbox.subscribed();
    outbox.resendIfLagging();
    vi.advanceTimersByTime(200);
    expect(sent.broadcasts).toHaveLength(0);
    outbox.replace(state(1));
    outbox.replace(state(2));
    vi.advanceTimersByTime(200);
    const before = sent.broadcasts.length;
    outbox.resendIfLagging();
    vi.advanceTimersByTime(200);
    expect(sent.broadcasts.length).toBe(before + 1);
    vi.advanceTimersByTime(30_000);
    outbox.resendIfLagging();
    vi.advanceTimersByTime(200);
    expect(sent.broadcasts.length).toBe(before + 1);
  });

  it('announces a graceful leave as pk:leave, with the next proof of its chain', () => {
    const { outbox, sent } = harness();
    outbox.subscribed();
    outbox.announceLeave();
    expect(sent.broadcasts).toEqual([
      {
        event: 'pk:leave',
        payload: {
          userId: 'alice',
          connectionId: 'conn-1',
          version: (sent.tracks[0]?.meta.version ?? 0) + 1,
          proof: expect.stringMatching(/^[0-9a-f]{32}$/),
        },
      },
    ]);
  });
});
