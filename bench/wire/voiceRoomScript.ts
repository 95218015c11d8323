/**
 * The scripted voice room the wire bench replays: 8 seats and a crowd of listeners for a given
 * time, generated from a seed so the kit and the naive approach replay exactly the same events.
 *
 * - Stage: `seats` speakers (the first is the host) hold the seats; from time to time one steps
 *   down and a listener of the hearing sample takes the seat, later handing it back.
 * - Speaking: spurts of 2–15 s on the seats, one floor speaker at a time with some overlap; the
 *   RTC SDK reports a level every 200 ms (above the threshold while speaking, noise otherwise).
 * - Mute toggles (speakers), raised hands (listeners), away/back (everyone): presence state.
 * - Chat typing: bursts of keystrokes every 200 ms for 3–12 s, then stop (send).
 * - Joins and leaves: the crowd churns (mean stay 25 min, a newcomer follows every leaver), and
 *   one hearing listener reloads the page once.
 */
import { rng } from '../core/frames.js';

/** Shape of one script. */
export interface VoiceRoomShape {
  /** Simulated length in minutes. */
  minutes: number;
  seats: number;
  /** Listeners present at any time (the crowd churns around this number). */
  listeners: number;
  /** Listeners that run full clients (they hear the room); the rest only send. */
  hearingListeners: number;
  seed: number;
  /** Multiplies how often everyone acts (2: twice as many changes per minute). @default 1 */
  tempo?: number;
}

/** The voice room: 8 seats, 200 listeners, one hour. */
export const VOICE_ROOM_HOUR: VoiceRoomShape = {
  minutes: 60,
  seats: 8,
  listeners: 200,
  hearingListeners: 8,
  seed: 7,
};

/** One scripted action, at `at` ms from the start. */
export type ScriptEvent = { at: number; user: string } & (
  | { kind: 'join' }
  | { kind: 'leave' }
  | { kind: 'state'; key: 'status' | 'hand'; value: string }
  | { kind: 'mute'; muted: boolean }
  | { kind: 'seatLeave' }
  | { kind: 'seatTake'; seat: number }
  | { kind: 'typing'; durationMs: number }
);

/** A speaking spurt on a seat (whoever holds the seat then speaks). */
export interface Spurt {
  seat: number;
  from: number;
  to: number;
}

/** A user of the script: who, and whether their client hears the room. */
export interface ScriptUser {
  id: string;
  role: 'speaker' | 'listener' | 'crowd';
  hearing: boolean;
}

/** The generated script. */
export interface VoiceRoomScript {
  shape: VoiceRoomShape;
  durationMs: number;
  hostId: string;
  /** Everyone who is ever in the room (crowd newcomers included). */
  users: ScriptUser[];
  /** Users present at the start, seat holders first (in seat order). */
  initial: string[];
  /** Events in time order. */
  events: ScriptEvent[];
  spurts: Spurt[];
}

/** Exponential delay with mean `mean` ms, at least `min`. */
const expo = (random: Random, mean: number, min = 0) =>
  Math.max(min / random.tempo, Math.round((-Math.log(1 - random()) * mean) / random.tempo));

/** The script's PRNG, carrying the tempo every delay is divided by. */
type Random = (() => number) & { tempo: number };

/** Builds the script of `shape`. */
export function voiceRoomScript(shape: VoiceRoomShape = VOICE_ROOM_HOUR): VoiceRoomScript {
  const seeded = rng(shape.seed);
  const tempo = shape.tempo ?? 1;
  // Delays are drawn as fractions of their means: a faster tempo shortens every one of them.
  const random = Object.assign(() => seeded(), { tempo });
  const durationMs = shape.minutes * 60_000;
  const speakers = Array.from({ length: shape.seats }, (_, i) => `speaker-${String(i)}`);
  const hearing = Array.from({ length: shape.hearingListeners }, (_, i) => `listener-${String(i)}`);
  const crowdCount = Math.max(0, shape.listeners - shape.hearingListeners);
  const crowd = Array.from({ length: crowdCount }, (_, i) => `crowd-${String(i)}`);
  const users: ScriptUser[] = [
    ...speakers.map((id) => ({ id, role: 'speaker' as const, hearing: true })),
    ...hearing.map((id) => ({ id, role: 'listener' as const, hearing: true })),
    ...crowd.map((id) => ({ id, role: 'crowd' as const, hearing: false })),
  ];
  const events: ScriptEvent[] = [];
  const add = (event: ScriptEvent) => {
    if (event.at < durationMs) events.push(event);
  };
  stageEvents(random, durationMs, speakers, hearing, add);
  for (const id of [...speakers, ...hearing, ...crowd]) personalEvents(random, durationMs, id, add);
  crowdChurn(random, durationMs, crowd, users, add);
  const reloader = hearing[hearing.length - 1];
  if (reloader) {
    add({ at: Math.round(durationMs * 0.55), user: reloader, kind: 'leave' });
    add({ at: Math.round(durationMs * 0.55) + 1500, user: reloader, kind: 'join' });
  }
  events.sort((a, b) => a.at - b.at);
  return {
    shape,
    durationMs,
    hostId: speakers[0] ?? 'host',
    users,
    initial: [...speakers, ...hearing, ...crowd],
    events,
    spurts: spurts(random, durationMs, shape.seats),
  };
}

/** Seat hand-overs and mute toggles on the stage. */
function stageEvents(
  random: Random,
  durationMs: number,
  speakers: string[],
  hearing: string[],
  add: (e: ScriptEvent) => void,
): void {
  // Every ~4 min a speaker (never the host) hands their seat to a listener for ~3 min.
  const hold = Math.round(180_000 / random.tempo);
  for (
    let t = expo(random, 240_000, 30_000);
    hearing.length > 0;
    t += expo(random, 240_000, 200_000)
  ) {
    const seat = 1 + Math.floor(random() * Math.max(1, speakers.length - 1));
    const speaker = speakers[seat];
    const guest = hearing[Math.floor(random() * hearing.length)];
    if (t + hold + 10_000 >= durationMs || !speaker || !guest) break;
    add({ at: t, user: speaker, kind: 'seatLeave' });
    add({ at: t + 2000, user: guest, kind: 'seatTake', seat });
    add({ at: t + hold, user: guest, kind: 'seatLeave' });
    add({ at: t + hold + 2000, user: speaker, kind: 'seatTake', seat });
  }
  for (const id of speakers) {
    let muted = false;
    for (let t = expo(random, 120_000); t < durationMs; t += expo(random, 120_000, 5000)) {
      muted = !muted;
      add({ at: t, user: id, kind: 'mute', muted });
    }
  }
}

/** Away/back, raised hands (listeners) and chat typing of one user. */
function personalEvents(
  random: Random,
  durationMs: number,
  id: string,
  add: (e: ScriptEvent) => void,
): void {
  for (let t = expo(random, 600_000); t < durationMs; t += expo(random, 600_000, 60_000)) {
    add({ at: t, user: id, kind: 'state', key: 'status', value: 'away' });
    add({
      at: t + expo(random, 90_000, 20_000),
      user: id,
      kind: 'state',
      key: 'status',
      value: 'online',
    });
  }
  if (!id.startsWith('speaker-')) {
    for (let t = expo(random, 300_000); t < durationMs; t += expo(random, 300_000, 60_000)) {
      add({ at: t, user: id, kind: 'state', key: 'hand', value: 'up' });
      add({
        at: t + expo(random, 40_000, 10_000),
        user: id,
        kind: 'state',
        key: 'hand',
        value: 'down',
      });
    }
  }
  for (let t = expo(random, 720_000); t < durationMs; t += expo(random, 720_000, 20_000))
    add({ at: t, user: id, kind: 'typing', durationMs: 3000 + Math.round(random() * 9000) });
}

/** Crowd churn: leavers are followed by newcomers (new users, new clients). */
function crowdChurn(
  random: Random,
  durationMs: number,
  crowd: string[],
  users: ScriptUser[],
  add: (e: ScriptEvent) => void,
): void {
  let next = crowd.length;
  const stay = (id: string, from: number) => {
    const leaveAt = from + expo(random, 25 * 60_000, 60_000);
    if (leaveAt >= durationMs) return;
    add({ at: leaveAt, user: id, kind: 'leave' });
    const newcomer = `crowd-${String(next++)}`;
    users.push({ id: newcomer, role: 'crowd', hearing: false });
    const joinAt = leaveAt + Math.round(random() * 20_000);
    add({ at: joinAt, user: newcomer, kind: 'join' });
    personalEvents(random, durationMs, newcomer, (e) => {
      if (e.at > joinAt + 1000) add(e);
    });
    stay(newcomer, joinAt);
  };
  for (const id of crowd) stay(id, 0);
}

/** Speaking spurts: one floor speaker at a time (2–15 s), 30 % of them with a backchannel. */
function spurts(random: () => number, durationMs: number, seats: number): Spurt[] {
  const out: Spurt[] = [];
  for (let t = 5000; t < durationMs;) {
    const seat = Math.floor(random() * seats);
    const length = 2000 + Math.round(random() * 13_000);
    out.push({ seat, from: t, to: Math.min(durationMs, t + length) });
    if (random() < 0.3) {
      const other = (seat + 1 + Math.floor(random() * (seats - 1))) % seats;
      const from = t + Math.round(random() * length * 0.5);
      out.push({
        seat: other,
        from,
        to: Math.min(durationMs, from + 1000 + Math.round(random() * 2000)),
      });
    }
    t += length + Math.round(random() * 3000);
  }
  return out;
}
