import type { SeatConnection, SeatOccupant } from './seatTypes.js';

/**
 * The reserved state keys seats live in (4 of the 32 a user has). Every occupant writes its own
 * claim; only the host's `pk.host` is read, by everyone.
 */
export const SEAT_STATE_KEYS = Object.freeze({
  /** Our seat index (`'0'` … `'255'`), or `''` for "no seat". */
  seat: 'pk.seat',
  /** When that claim was made (ms since the epoch): the earlier claim wins. */
  seatAt: 'pk.seatAt',
  /** `'off'` while muted, `'on'` otherwise. */
  mic: 'pk.mic',
  /** Host only: `<written at>;<locked seats as hex bits>;<kicked claims "seat:at,…">`. */
  host: 'pk.host',
});

/** The Broadcast event levels travel on: `{ u: userId, l: 0 … 1 }`. Never presence. */
export const SPEAKING_LEVEL_EVENT = 'pk.level';

/** Most seats a room may have (the locks bitmap fits one state value). */
export const MAX_SEATS = 256;

/** Claims dated further ahead than this are a wrong clock or a hostile peer: ignored. */
const MAX_FUTURE_MS = 60_000;

/** Kicks the host keeps; older ones drop off (kicked users withdraw within a second anyway). */
export const MAX_KICKS = 8;

const INDEX = /^(?:0|[1-9]\d{0,2})$/;
const TIME = /^[1-9]\d{0,14}$/;
const KICK = /^(0|[1-9]\d{0,2}):([1-9]\d{0,14})$/;
const HEX = /^[0-9a-f]{0,64}$/;

/** One user's seat claim. `index === null` says "no seat" (a leave, or a withdrawal). */
export interface SeatClaim {
  readonly index: number | null;
  readonly at: number;
  readonly muted: boolean;
}

/** The host's word on the seats. */
export interface HostState {
  readonly at: number;
  readonly locks: ReadonlySet<number>;
  /** Kicked claims as `"<seat>:<at>"`. */
  readonly kicks: ReadonlySet<string>;
}

/** No host, or a host who never locked or kicked. */
export const NO_HOST_STATE: HostState = Object.freeze({
  at: 0,
  locks: new Set<number>(),
  kicks: new Set<string>(),
});

/** A claim time from remote state, or `null` when malformed or too far ahead. */
function parseTime(value: string | undefined, now: number): number | null {
  if (value === undefined || !TIME.test(value)) return null;
  const at = Number(value);
  return at > now + MAX_FUTURE_MS ? null : at;
}

/** The claim one connection's state makes; `undefined` when it says nothing valid. */
export function parseClaim(
  state: Readonly<Record<string, string>>,
  seatCount: number,
  now: number,
): SeatClaim | undefined {
  const seat = state[SEAT_STATE_KEYS.seat];
  if (typeof seat !== 'string') return undefined;
  const at = parseTime(state[SEAT_STATE_KEYS.seatAt], now);
  if (at === null) return undefined;
  const muted = state[SEAT_STATE_KEYS.mic] === 'off';
  if (seat === '') return { index: null, at, muted };
  if (!INDEX.test(seat)) return undefined;
  const index = Number(seat);
  return index < seatCount ? { index, at, muted } : undefined;
}

/**
 * A user's claim: the newest across their connections (tabs), so one tab's unrelated state change
 * never hides another tab's seat. Equal claim times go to the most recently updated connection.
 */
export function claimOf(
  occupant: SeatOccupant | undefined,
  seatCount: number,
  now: number,
): SeatClaim | undefined {
  if (occupant === undefined) return undefined;
  const { connections } = occupant;
  if (connections.length === 0) return parseClaim(occupant.state, seatCount, now);
  let best: SeatClaim | undefined;
  let bestUpdated = -Infinity;
  // An indexed loop: this runs on every change of every seated user, often before the JIT warms.
  for (let at = 0; at < connections.length; at += 1) {
    const connection = connections[at] as SeatConnection;
    const claim = parseClaim(connection.state, seatCount, now);
    if (claim === undefined) continue;
    if (
      best === undefined ||
      claim.at > best.at ||
      (claim.at === best.at && newer(connection, bestUpdated))
    ) {
      best = claim;
      bestUpdated = connection.updatedAt;
    }
  }
  return best;
}

function newer(connection: SeatConnection, than: number): boolean {
  return connection.updatedAt > than;
}

/** The host's locks and kicks from one state value; `undefined` when malformed. */
export function parseHostState(
  value: string | undefined,
  seatCount: number,
  now: number,
): HostState | undefined {
  if (value === undefined) return undefined;
  const [atText, hex, kickText, extra] = value.split(';', 4);
  if (extra !== undefined || hex === undefined || kickText === undefined || !HEX.test(hex)) {
    return undefined;
  }
  const at = parseTime(atText, now);
  if (at === null) return undefined;
  const locks = new Set<number>();
  for (let digit = 0; digit < hex.length; digit += 1) {
    const bits = parseInt(hex[digit] as string, 16);
    for (let bit = 0; bit < 4; bit += 1) {
      const index = digit * 4 + bit;
      if (bits & (1 << bit) && index < seatCount) locks.add(index);
    }
  }
  const kicks = new Set<string>();
  for (const entry of kickText === '' ? [] : kickText.split(',', MAX_KICKS + 1)) {
    if (kicks.size >= MAX_KICKS || !KICK.test(entry)) return undefined;
    kicks.add(entry);
  }
  return { at, locks, kicks };
}

/** The host state of the host's newest connection (by its own `at`), or none. */
export function hostStateOf(
  occupant: SeatOccupant | undefined,
  seatCount: number,
  now: number,
): HostState {
  if (occupant === undefined) return NO_HOST_STATE;
  const states =
    occupant.connections.length > 0 ? occupant.connections.map((c) => c.state) : [occupant.state];
  let best = NO_HOST_STATE;
  for (const state of states) {
    const host = parseHostState(state[SEAT_STATE_KEYS.host], seatCount, now);
    if (host !== undefined && host.at > best.at) best = host;
  }
  return best;
}

/** Encodes host state for `pk.host` (at most ~230 characters within the 256 allowed). */
export function encodeHostState(host: HostState): string {
  const digits: number[] = [];
  for (const index of host.locks) {
    const digit = index >> 2;
    while (digits.length <= digit) digits.push(0);
    digits[digit] = (digits[digit] as number) | (1 << (index & 3));
  }
  const hex = digits.map((d) => d.toString(16)).join('');
  return `${host.at};${hex};${[...host.kicks].slice(-MAX_KICKS).join(',')}`;
}

/** The kick key of a claim: which claim (seat and time) the host removed. */
export function kickKey(index: number, at: number): string {
  return `${index}:${at}`;
}

/** Our seat keys for a claim, ready for `setState`. */
export function claimPatch(claim: SeatClaim): Record<string, string> {
  return {
    [SEAT_STATE_KEYS.seat]: claim.index === null ? '' : String(claim.index),
    [SEAT_STATE_KEYS.seatAt]: String(claim.at),
    [SEAT_STATE_KEYS.mic]: claim.muted ? 'off' : 'on',
  };
}
