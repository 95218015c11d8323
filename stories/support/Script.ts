/**
 * What the simulated users do, as room-wide rates: a story's controls edit these, and a running
 * simulation picks changes up on its next tick. Rates are events per minute across the room
 * (a Poisson process per tick), so a story feels alive without anything happening on a fixed beat.
 */
export interface Script {
  /** Scripted users in the room (each a real client that can do everything below). */
  users: number;
  /**
   * Extra, quiet occupants for large rooms: real clients that join with a profile and then only
   * sit there. They do not listen to the room (see `deafTransport`), so a tab can hold a thousand.
   */
  crowd: number;
  /** Joins plus leaves per minute among the scripted users (the count stays near `users`). */
  joinLeavePerMinute: number;
  /** `status` changes (available / busy) per minute. */
  statusPerMinute: number;
  /** Users going away (`status: 'away'`) for 5–15 s, per minute. */
  awayPerMinute: number;
  /** Typing bursts started per minute (each 2–6 s of keystrokes, then sent or abandoned). */
  typingPerMinute: number;
  /** Seat moves per minute (take an empty seat, move, or stand up). */
  seatMovesPerMinute: number;
  /** Talk spurts per minute by seated users (1–4 s of voice levels). */
  speakingPerMinute: number;
}

/** A quiet room: users present, nobody doing anything. Stories switch on what they show. */
export const QUIET_SCRIPT: Readonly<Script> = Object.freeze({
  users: 5,
  crowd: 0,
  joinLeavePerMinute: 0,
  statusPerMinute: 0,
  awayPerMinute: 0,
  typingPerMinute: 0,
  seatMovesPerMinute: 0,
  speakingPerMinute: 0,
});

/** Clamps a script to what one tab runs smoothly. */
export function normalizeScript(script: Script): Script {
  const rate = (n: number): number => (Number.isFinite(n) ? Math.min(Math.max(n, 0), 600) : 0);
  const count = (n: number, max: number): number =>
    Number.isFinite(n) ? Math.min(Math.max(Math.round(n), 0), max) : 0;
  return {
    users: count(script.users, 200),
    crowd: count(script.crowd, 2000),
    joinLeavePerMinute: rate(script.joinLeavePerMinute),
    statusPerMinute: rate(script.statusPerMinute),
    awayPerMinute: rate(script.awayPerMinute),
    typingPerMinute: rate(script.typingPerMinute),
    seatMovesPerMinute: rate(script.seatMovesPerMinute),
    speakingPerMinute: rate(script.speakingPerMinute),
  };
}
