/**
 * Replays a voice-room script against a loopback hub with one actor per user, in steps of
 * simulated time (the caller's `advance` moves fake timers), and returns the meter's tallies.
 * Every 200 ms the seated speakers' RTC levels are reported (a usual volume-indication interval)
 * and typists type a key.
 */
import {
  createHub,
  DEFAULT_ANON_KEY,
  type Hub,
  type Limits,
} from '../../src/server/loopback/index.js';
import type { Actor } from './Actor.js';
import type { ScriptEvent, VoiceRoomScript } from './voiceRoomScript.js';
import { WireMeter, type ClientTally } from './WireMeter.js';

const STEP_MS = 200;

/** What a replay returns. */
export interface VoiceRoomRun {
  tallies: ClientTally[];
  /** Channel shutdowns the hub really made, by reason. */
  shutdowns: Record<string, number>;
  framesIn: number;
  framesOut: number;
  /** Frames by kind, whole room, from the clients and to them. */
  kinds: { fromClients: Record<string, number>; toClients: Record<string, number> };
  /** Actions skipped because their user's client was still joining. */
  skipped: number;
  /** Actions whose promise rejected (e.g. a seat someone else holds). */
  rejected: number;
}

/** How the replay is set up. */
export interface RunOptions {
  script: VoiceRoomScript;
  /** Builds an actor for a user (its client on `hub`, metered by `meter`). */
  actor(user: string, hearing: boolean, hub: Hub, meter: WireMeter): Actor;
  /** Moves simulated time by `ms` (vitest: `vi.advanceTimersByTimeAsync`). */
  advance(ms: number): Promise<unknown>;
  /** Hub limits over the real defaults. */
  limits?: Partial<Limits>;
}

// A tenant's event rates are a plan setting, not a per-client rule; lifted so they never decide.
const TENANT = { maxEventsPerSecond: 1e9, maxPresenceEventsPerSecond: 1e9 };

/** Runs `options.script` and returns what went over the wire. */
export async function runVoiceRoom(options: RunOptions): Promise<VoiceRoomRun> {
  const { script, advance } = options;
  const hub = createHub({ limits: { ...TENANT, ...options.limits } });
  // The apikey's HS256 check runs on WebCrypto, which fake time cannot drive: do it once, for
  // real, so every later check hits the hub's cache.
  await hub.connect({ apikey: DEFAULT_ANON_KEY, vsn: '2.0.0' });
  const meter = new WireMeter();
  meter.attach(hub);
  const hearing = new Map(script.users.map((u) => [u.id, u.hearing]));
  const replay = new Replay(script, (user) =>
    options.actor(user, hearing.get(user) ?? false, hub, meter),
  );
  await replay.start(advance);
  for (let t = 0; t < script.durationMs; t += STEP_MS) {
    replay.step(t);
    await advance(STEP_MS);
  }
  const tallies = meter.all();
  const kinds = {
    fromClients: Object.fromEntries(meter.kinds.fromClients),
    toClients: Object.fromEntries(meter.kinds.toClients),
  };
  await replay.stop(advance);
  const stats = hub.stats();
  hub.close();
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    tallies,
    shutdowns: stats.shutdowns,
    framesIn: sum(stats.framesIn),
    framesOut: sum(stats.framesOut),
    kinds,
    skipped: replay.skipped,
    rejected: replay.rejected,
  };
}

/** The replay's moving parts: who is here, who holds which seat, who types until when. */
class Replay {
  private readonly actors = new Map<string, Actor>();
  private readonly seatOf = new Map<string, number>();
  private readonly typingUntil = new Map<string, number>();
  private next = 0;
  skipped = 0;
  rejected = 0;

  constructor(
    private readonly script: VoiceRoomScript,
    private readonly make: (user: string) => Actor,
  ) {}

  /** Joins everyone present at the start (in batches) and seats the speakers. */
  async start(advance: (ms: number) => Promise<unknown>): Promise<void> {
    const joins = this.script.initial.map((user) => this.enter(user));
    await Promise.race([Promise.all(joins), this.wait(advance, joins.length)]);
    this.script.initial.slice(0, this.script.shape.seats).forEach((user, seat) => {
      this.seatOf.set(user, seat);
      this.act(user, (a) => a.takeSeat(seat));
    });
    await advance(2000);
  }

  private async wait(advance: (ms: number) => Promise<unknown>, n: number): Promise<void> {
    for (let i = 0; i < 100 + n; i += 1) await advance(20);
  }

  private enter(user: string): Promise<void> {
    const actor = this.make(user);
    this.actors.set(user, actor);
    return actor.join().catch(() => void (this.rejected += 1));
  }

  /** Runs what is due at `t` and the periodic level and typing reports. */
  step(t: number): void {
    const events = this.script.events;
    while (this.next < events.length && (events[this.next]?.at ?? Infinity) <= t) {
      this.apply(events[this.next] as ScriptEvent);
      this.next += 1;
    }
    this.levels(t);
    this.type(t);
  }

  private apply(e: ScriptEvent): void {
    if (e.kind === 'join') return void this.enter(e.user);
    if (e.kind === 'leave') {
      const actor = this.actors.get(e.user);
      this.actors.delete(e.user);
      this.seatOf.delete(e.user);
      this.typingUntil.delete(e.user);
      return void actor?.leave().catch(() => void (this.rejected += 1));
    }
    if (e.kind === 'state') return this.act(e.user, (a) => a.setState(e.key, e.value));
    if (e.kind === 'mute') return this.act(e.user, (a) => a.setMuted(e.muted));
    if (e.kind === 'typing') return void this.typingUntil.set(e.user, e.at + e.durationMs);
    if (e.kind === 'seatLeave') {
      this.seatOf.delete(e.user);
      return this.act(e.user, (a) => a.leaveSeat());
    }
    this.seatOf.set(e.user, e.seat);
    this.act(e.user, (a) => a.takeSeat(e.seat));
  }

  private act(user: string, action: (a: Actor) => Promise<void>): void {
    const actor = this.actors.get(user);
    // A crowd member's scripted life runs on after they left: nothing to do then.
    if (!actor) return;
    if (!actor.ready) return void (this.skipped += 1);
    action(actor).catch(() => void (this.rejected += 1));
  }

  private levels(t: number): void {
    const speaking = new Set(
      this.script.spurts.filter((s) => s.from <= t && t < s.to).map((s) => s.seat),
    );
    for (const [user, seat] of this.seatOf) {
      const actor = this.actors.get(user);
      if (!actor?.ready) continue;
      // Speech wavers between 0.2 and 0.9; silence is room noise under the threshold.
      actor.level(speaking.has(seat) ? 0.2 + ((t / STEP_MS) % 8) / 10 : 0.01);
    }
  }

  private type(t: number): void {
    for (const [user, until] of this.typingUntil) {
      const actor = this.actors.get(user);
      if (!actor?.ready) continue;
      if (t < until) actor.keystroke();
      else {
        actor.stopTyping();
        this.typingUntil.delete(user);
      }
    }
  }

  /** Everyone leaves (not counted: the tallies were taken before). */
  async stop(advance: (ms: number) => Promise<unknown>): Promise<void> {
    const leaving = [...this.actors.values()].map((a) => a.leave().catch(() => undefined));
    this.actors.clear();
    await Promise.race([Promise.all(leaving), this.wait(advance, 0)]);
  }
}
