import { PresenceRoom } from '../channel/PresenceRoom.js';
import type { RoomOwner } from '../channel/RoomOwner.js';
import type { StateCache } from '../model/StateCache.js';
import type * as T from '../types.js';
import { asPresenceError } from './facadeArgs.js';
import { resolveJoinOptions } from './joinOptions.js';
import { PresenceError } from './PresenceError.js';

interface RoomEntry<S extends T.UserState> {
  room: PresenceRoom<S>;
  ready: Promise<T.Room<S>>;
}

/**
 * The rooms of one presence by channel name: joining (a room the server shut down rejoins in
 * place, same room and store), removing, and the lookups the facade's methods make. State set
 * before a join waits in the `StateCache` and moves into the room when it is created.
 */
export class RoomRegistry<S extends T.UserState> {
  readonly #rooms = new Map<string, RoomEntry<S>>();
  readonly #owner: RoomOwner;
  readonly #cache: StateCache<S>;

  constructor(owner: RoomOwner, cache: StateCache<S>) {
    this.#owner = owner;
    this.#cache = cache;
  }

  /** Joins `name` (checked already); one room per name, its join promise shared. */
  join(name: string, options: T.JoinOptions<S> | undefined): Promise<T.Room<S>> {
    const existing = this.#rooms.get(name);
    // A room the server shut down comes back through its rejoin: same room, same store.
    if (existing && statusOf(existing.room) === 'closed')
      return existing.room.rejoin().then(() => existing.room);
    if (existing && statusOf(existing.room) !== 'error') return existing.ready;
    const { limits } = this.#owner.settings;
    const roomOptions = resolveJoinOptions(options, this.#cache.peek(name), limits);
    let room: PresenceRoom<S>;
    try {
      room = new PresenceRoom<S>(this.#owner, name, roomOptions);
    } catch (error) {
      throw asPresenceError(error, 'join');
    }
    // Only now is the cached state safely inside the room.
    this.#cache.drop(name);
    const entry: RoomEntry<S> = { room, ready: room.start().then(() => room) };
    this.#rooms.set(name, entry);
    entry.ready.catch(() => this.#rooms.get(name) === entry && this.#rooms.delete(name));
    return entry.ready;
  }

  /** Takes the room of `name` out of the registry (the caller leaves it). */
  remove(name: string): PresenceRoom<S> | undefined {
    const room = this.#rooms.get(name)?.room;
    this.#rooms.delete(name);
    return room;
  }

  /** Takes every room out (on `destroy()`). */
  removeAll(): PresenceRoom<S>[] {
    const rooms = this.list();
    this.#rooms.clear();
    return rooms;
  }

  get(name: string): PresenceRoom<S> | undefined {
    return this.#rooms.get(name)?.room;
  }

  list(): PresenceRoom<S>[] {
    return [...this.#rooms.values()].map((entry) => entry.room);
  }

  /** The room `setState` writes to: a room the server shut down keeps it for its rejoin. */
  active(name: string): PresenceRoom<S> | undefined {
    const room = this.#rooms.get(name)?.room;
    return room && statusOf(room) !== 'error' ? room : undefined;
  }

  /** The room once its join completed; NOT_CONNECTED when we never joined (or it failed). */
  async ready(name: string, operation: string): Promise<PresenceRoom<S>> {
    const entry = this.#rooms.get(name);
    const reason = `not in channel ${name}`;
    const status = entry && statusOf(entry.room);
    if (!entry || status === 'closed' || status === 'error')
      throw new PresenceError('NOT_CONNECTED', operation, reason);
    try {
      await entry.ready;
    } catch (error) {
      throw new PresenceError('NOT_CONNECTED', operation, reason, { cause: error });
    }
    return entry.room;
  }
}

function statusOf(room: { store: { getState(): { status: string } } }): string {
  return room.store.getState().status;
}
