import { isPresenceError, type MicSeats } from 'presence-kit';
import type { Activity, SimulationContext } from './Activity.js';
import type { SimulatedUser } from './SimulatedUser.js';
import type { SeatModelOptions } from './UserModels.js';

/** Options of {@link createSeatActivities}: the story's `<MicSeats>` seat count and host. */
export type SeatScriptOptions = SeatModelOptions;

// Losing a race for a seat, or trying a locked one, is part of the script, not a failure.
const EXPECTED = new Set(['SEAT_TAKEN', 'SEAT_LOCKED', 'NOT_CONNECTED']);
const quietly =
  (ctx: SimulationContext) =>
  (error: unknown): void => {
    if (!(isPresenceError(error) && EXPECTED.has(error.code))) ctx.report(error);
  };

/**
 * Seat moves and talk spurts through the kit's own seat model (`createMicSeats`, one per user
 * and room, see `UserModels`). Seat moves: an unseated user takes a seat that looks empty to it (two may race
 * for one; the model settles it), a seated one moves, stands up or toggles its mic. Talk spurts:
 * a seated, unmuted user reports voice levels 4 times a second for 1–4 s, then silence.
 */
export function createSeatActivities(options: SeatScriptOptions): Activity[] {
  const seatsOf = (user: SimulatedUser): MicSeats | undefined => user.models.seats(options);
  return [
    { name: 'seats', rate: (s) => s.seatMovesPerMinute, run: (ctx) => moveSomeone(ctx, seatsOf) },
    { name: 'speaking', rate: (s) => s.speakingPerMinute, run: (ctx) => speak(ctx, seatsOf) },
  ];
}

type SeatsOf = (user: SimulatedUser) => MicSeats | undefined;

// Users with a seat action in flight: a second one would supersede the first, which is the
// model's documented behaviour but not what a person does.
const busy = new WeakSet<SimulatedUser>();

function moveSomeone(ctx: SimulationContext, seatsOf: SeatsOf): void {
  const idle = ctx.present().filter((u) => !busy.has(u));
  if (idle.length === 0) return;
  const user = ctx.random.pick(idle);
  const seats = seatsOf(user);
  if (seats === undefined) return;
  const action = chooseSeatAction(ctx, seats);
  if (action === undefined) return;
  busy.add(user);
  action()
    .catch(quietly(ctx))
    .finally(() => busy.delete(user));
}

function chooseSeatAction(
  ctx: SimulationContext,
  seats: MicSeats,
): (() => Promise<void>) | undefined {
  const { seats: all, mySeat } = seats.getSnapshot();
  const empty = all.filter((s) => s.userId === null && !s.locked).map((s) => s.index);
  if (mySeat === null)
    return empty.length === 0 ? undefined : () => seats.takeSeat(ctx.random.pick(empty));
  const roll = ctx.random.next();
  if (roll < 0.2) return () => seats.setMuted(!all[mySeat]?.muted);
  if (roll < 0.6 && empty.length > 0) return () => seats.moveSeat(ctx.random.pick(empty));
  return () => seats.leaveSeat();
}

function speak(ctx: SimulationContext, seatsOf: SeatsOf): void {
  const speakers = ctx.present().filter((user) => {
    const snapshot = seatsOf(user)?.getSnapshot();
    const seat = snapshot?.mySeat === null ? undefined : snapshot?.seats[snapshot.mySeat ?? -1];
    return seat !== undefined && !seat.muted;
  });
  if (speakers.length === 0) return;
  const user = ctx.random.pick(speakers);
  const seats = seatsOf(user);
  if (seats === undefined) return;
  const onError = quietly(ctx);
  const stopTalking = ctx.timers.every(250, () => {
    seats.setSpeakingLevel(0.2 + ctx.random.next() * 0.7).catch(onError);
  });
  ctx.timers.after(ctx.random.int(1000, 4000), () => {
    stopTalking();
    seats.setSpeakingLevel(0).catch(onError);
  });
}
