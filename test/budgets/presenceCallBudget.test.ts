import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KitActor } from '../../bench/wire/KitActor.js';
import { NaiveActor } from '../../bench/wire/NaiveActor.js';
import { runVoiceRoom, type VoiceRoomRun } from '../../bench/wire/runVoiceRoom.js';
import { voiceRoomScript } from '../../bench/wire/voiceRoomScript.js';
import { SERVER_RULE } from '../../bench/wire/WireMeter.js';

// The wire bench's voice room (bench:wire), shortened and sped up: 8 seats, 12 listeners, three
// simulated minutes at ten times the bench's pace, so every client changes state, mutes, types
// and speaks often enough to press on the presence budget.
const script = voiceRoomScript({
  minutes: 3,
  seats: 8,
  listeners: 12,
  hearingListeners: 4,
  seed: 11,
  tempo: 10,
});
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

const busiest = (run: VoiceRoomRun) => Math.max(...run.tallies.map((t) => t.maxCallsPer30s));

describe('presence call budget over a scripted voice room', () => {
  it('the kit never makes more than 4 presence calls in 30 s on any join, and is never shut down', async () => {
    const run = await runVoiceRoom({
      script,
      advance,
      actor: (user, hearing, hub, meter) =>
        new KitActor(user, hearing, { hub, meter, seatCount: 8, hostId: script.hostId }),
    });
    const joins = script.events.filter((e) => e.kind === 'join').map((e) => e.user);
    // Everyone who was ever in the room was counted (a reload counts as the same client).
    expect(run.tallies).toHaveLength(new Set([...script.initial, ...joins]).size);
    // Every client tracked at least once (the count is real, not zero for want of traffic).
    expect(Math.min(...run.tallies.map((t) => t.tracks))).toBeGreaterThan(0);
    expect(busiest(run)).toBeLessThanOrEqual(4);
    expect(run.tallies.reduce((n, t) => n + t.wouldBeShutDown, 0)).toBe(0);
    expect(run.shutdowns).toEqual({});
  }, 120_000);

  it('the same script with track() on every change breaks the server rule', async () => {
    const run = await runVoiceRoom({
      script,
      advance,
      limits: { clientPresenceMaxCalls: 1e9 },
      actor: (user, hearing, hub, meter) => new NaiveActor(user, hearing, { hub, meter }),
    });
    expect(busiest(run)).toBeGreaterThan(SERVER_RULE.maxCalls);
    expect(run.tallies.reduce((n, t) => n + t.wouldBeShutDown, 0)).toBeGreaterThan(0);
  }, 120_000);
});
