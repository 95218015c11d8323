import { createMicSeats } from '../../../src/core/models/createMicSeats.js';
import type { MicSeats, MicSeatsOptions, SeatStorage } from '../../../src/core/models/seatTypes.js';
import type { Occupant, Room } from '../../../src/core/types.js';
import { settled, tick, type World } from '../helpers/loopback.js';

/** A storage that behaves like one tab's `sessionStorage` (shared between "reloads"). */
export function memoryStorage(): SeatStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** One person in the seat room, with their seat model. */
export interface Seated {
  userId: string;
  room: Room;
  seats: MicSeats<Occupant>;
  leave(): Promise<void>;
}

const models: MicSeats<Occupant>[] = [];

/** Destroys every seat model made by {@link join}; call from `afterEach`. */
export function destroyModels(): void {
  for (const model of models.splice(0)) model.destroy();
}

/** Joins `userId` to `channel` and builds their seat model (4 seats, host `host` by default). */
export async function join(
  world: World,
  userId: string,
  options: Partial<Omit<MicSeatsOptions, 'presence'>> = {},
  channel = 'stage',
): Promise<Seated> {
  const person = world.person(userId);
  const room = await settled(person.presence.join(channel));
  const seats = createMicSeats(room, {
    presence: person.presence,
    seatCount: 4,
    hostId: 'host',
    storage: null,
    ...options,
  });
  models.push(seats);
  await tick(200);
  return {
    userId,
    room,
    seats,
    leave: async () => {
      seats.destroy();
      await settled(person.presence.leave(channel));
    },
  };
}

/** Who each seat shows, as a client sees it. */
export function holders(seated: Seated): (string | null)[] {
  return seated.seats.getSnapshot().seats.map((seat) => seat.userId);
}

/** Records a promise's outcome without leaving it unhandled. */
export function outcome(promise: Promise<void>): { value: 'pending' | 'ok' | string } {
  const result: { value: 'pending' | 'ok' | string } = { value: 'pending' };
  promise.then(
    () => (result.value = 'ok'),
    (error: { code?: string }) => (result.value = error.code ?? 'error'),
  );
  return result;
}
