import { MicSeatsController } from './MicSeatsController.js';
import { resolveSeatOptions } from './seatOptions.js';
import type { MicSeats, MicSeatsOptions, SeatOccupant, SeatRoom } from './seatTypes.js';

/**
 * Mic seats over a joined room, with no React: the seats are derived from every occupant's own
 * state (`pk.seat`, `pk.seatAt`, `pk.mic`; the host's `pk.host`), so they survive reconnects and
 * a late joiner sees them at once. Two claims on one seat resolve the same way on every client
 * (earlier claim wins, ties by user id); the loser withdraws and its promise rejects
 * `SEAT_TAKEN`. Seat writes go through `setState` (Broadcast first, presence within its budget),
 * levels through Broadcast only.
 *
 * @example
 * const room = await presence.join('stage');
 * const seats = createMicSeats(room, { presence, seatCount: 8, hostId: 'alice' });
 * await seats.takeSeat(2);
 * rtc.on('volume', (v) => void seats.setSpeakingLevel(v)); // 0 … 1
 * seats.subscribe(() => render(seats.getSnapshot().seats));
 */
export function createMicSeats<O extends SeatOccupant>(
  room: SeatRoom<O>,
  options: MicSeatsOptions,
): MicSeats<O> {
  return new MicSeatsController<O>(room, resolveSeatOptions(options));
}
