import { seatError } from './seatError.js';
import { MAX_SEATS } from './seatState.js';
import { defaultSeatStorage } from './seatStorage.js';
import type { MicSeatsOptions, SeatStateWriter, SeatStorage } from './seatTypes.js';

/** {@link MicSeatsOptions} with every default filled in and checked. */
export interface ResolvedSeatOptions {
  readonly presence: SeatStateWriter;
  readonly seatCount: number;
  readonly hostId: string | null;
  readonly threshold: number;
  readonly fadeMs: number;
  readonly levelIntervalMs: number;
  readonly settleMs: number;
  readonly reclaimWithinMs: number;
  readonly storage: SeatStorage | null;
  readonly now: () => number;
}

function duration(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw seatError('INVALID_ARGUMENT', 'createMicSeats', `${name} must be a duration in ms`);
  }
  return value;
}

/** Checks the options of `createMicSeats` and fills in the defaults. */
export function resolveSeatOptions(options: MicSeatsOptions): ResolvedSeatOptions {
  const { seatCount, hostId, speakingThreshold = 0.05 } = options;
  if (!Number.isInteger(seatCount) || seatCount < 1 || seatCount > MAX_SEATS) {
    throw seatError(
      'INVALID_ARGUMENT',
      'createMicSeats',
      `seatCount must be an integer in 1 … ${MAX_SEATS}`,
    );
  }
  if (typeof options.presence?.setState !== 'function') {
    throw seatError('INVALID_ARGUMENT', 'createMicSeats', 'presence (with setState) is required');
  }
  if (!(speakingThreshold >= 0 && speakingThreshold < 1)) {
    throw seatError('INVALID_ARGUMENT', 'createMicSeats', 'speakingThreshold must be in 0 … 1');
  }
  return {
    presence: options.presence,
    seatCount,
    hostId: typeof hostId === 'string' && hostId !== '' ? hostId : null,
    threshold: speakingThreshold,
    fadeMs: duration(options.fadeMs, 1000, 'fadeMs'),
    levelIntervalMs: duration(options.levelIntervalMs, 250, 'levelIntervalMs'),
    settleMs: duration(options.settleMs, 400, 'settleMs'),
    reclaimWithinMs: duration(options.reclaimWithinMs, 2000, 'reclaimWithinMs'),
    storage: options.storage === undefined ? defaultSeatStorage() : options.storage,
    now: () => Date.now(),
  };
}
