import type { SupabaseClient } from '@supabase/supabase-js';
import { createPresence } from '../core/index.js';
import type { JoinOptions, Presence, PresenceOptions, Room, UserState } from '../core/index.js';
import { ignoredOptions } from './ignoredOptions.js';

/** Where the provider's presence comes from: one you own, or one it creates (and destroys). */
export type PresenceSource<S extends UserState = UserState> =
  | { readonly presence: Presence<S> }
  | {
      readonly client: SupabaseClient;
      readonly userId: string;
      readonly options?: PresenceOptions | undefined;
    };

/** A counted claim on one joined room; the last `release()` leaves it. */
export interface RoomLease<S extends UserState = UserState> {
  readonly presence: Presence<S>;
  /** Resolves with the room as soon as the engine has one (before the join completes). */
  readonly room: Promise<Room<S>>;
  release(): void;
}

interface Shared<T> {
  readonly value: T;
  refs: number;
  readonly dispose: () => Promise<unknown>;
}

/** A presence the provider created: shared by every provider of one client and user. */
interface SharedPresence extends Shared<Presence<UserState>> {
  /** The options it was created with; later providers cannot change them. */
  readonly options: PresenceOptions | undefined;
  warned: boolean;
}

type Owner = SupabaseClient | Presence<UserState>;

const ignore = (): void => {};

// Keyed by the objects the user passes in, so nothing outlives them.
const presencesByClient = new WeakMap<SupabaseClient, Map<string, SharedPresence>>();
const roomsByPresence = new WeakMap<
  Presence<UserState>,
  Map<string, Shared<Promise<Room<UserState>>>>
>();
// Leaves and destroys still in flight, per client (or per given presence). supabase-js hands back a
// closing channel of the same topic until it is gone, so a new join must wait for them.
const teardowns = new WeakMap<Owner, Set<Promise<unknown>>>();

function mapFor<K extends object, V>(owner: WeakMap<K, Map<string, V>>, key: K): Map<string, V> {
  let map = owner.get(key);
  if (map === undefined) owner.set(key, (map = new Map()));
  return map;
}

function retain<E extends { refs: number }>(map: Map<string, E>, key: string, create: () => E): E {
  const entry = map.get(key) ?? create();
  map.set(key, entry);
  entry.refs += 1;
  return entry;
}

/**
 * Teardown waits one microtask: StrictMode's unmount-and-remount of effects (and a remount with
 * the same key) re-acquires the entry before then, so it keeps its one channel and one join.
 */
function release<T>(
  owner: Owner,
  map: Map<string, Shared<T>>,
  key: string,
  entry: Shared<T>,
): void {
  entry.refs -= 1;
  if (entry.refs > 0) return;
  queueMicrotask(() => {
    if (entry.refs > 0 || map.get(key) !== entry) return;
    map.delete(key);
    let pending = teardowns.get(owner);
    if (pending === undefined) teardowns.set(owner, (pending = new Set()));
    // Core reports failures through its `error` listeners; nobody is left to await this one.
    const done = entry.dispose().catch(ignore);
    pending.add(done);
    void done.then(() => pending.delete(done));
  });
}

function afterTeardowns(owner: Owner): Promise<unknown> {
  const pending = teardowns.get(owner);
  return pending === undefined || pending.size === 0 ? Promise.resolve() : Promise.all(pending);
}

interface PresenceLease<S extends UserState> {
  presence: Presence<S>;
  owner: Owner;
  release(): void;
}

function leasePresence<S extends UserState>(source: PresenceSource<S>): PresenceLease<S> {
  if ('presence' in source) {
    return {
      presence: source.presence,
      owner: source.presence as Presence<UserState>,
      release: ignore,
    };
  }
  const { client, userId, options } = source;
  const map = mapFor(presencesByClient, client);
  let created = false;
  const entry = retain(map, userId, (): SharedPresence => {
    created = true;
    const presence = createPresence<UserState>({ ...options, client, userId });
    return { value: presence, refs: 0, dispose: () => presence.destroy(), options, warned: false };
  });
  if (!created) warnIgnoredOptions(entry, userId, options);
  return {
    presence: entry.value as Presence<S>,
    owner: client,
    release: () => release(client, map, userId, entry),
  };
}

/**
 * One presence per client and user means a later provider's `options` cannot apply. Say so once
 * per presence, naming them, instead of ignoring them silently.
 */
function warnIgnoredOptions(
  entry: SharedPresence,
  userId: string,
  options: PresenceOptions | undefined,
): void {
  if (entry.warned) return;
  const ignored = ignoredOptions(entry.options, options);
  if (ignored.length === 0) return;
  entry.warned = true;
  console.warn(
    `presence-kit: a <PresenceProvider> for user "${userId}" shares the presence an earlier ` +
      `provider created on this client, so its options ${ignored.join(', ')} are ignored. Give ` +
      'every provider of one user the same options, or create the presence with ' +
      'createPresence() and pass it as `presence`.',
  );
}

function joinOnce<S extends UserState>(
  presence: Presence<S>,
  owner: Owner,
  channelName: string,
  joinOptions: JoinOptions<S>,
): Shared<Promise<Room<UserState>>> {
  let phase: 'waiting' | 'joining' | 'released' = 'waiting';
  const room = afterTeardowns(owner).then(() => {
    // Released while an earlier teardown was still in flight: never join at all.
    if (phase === 'released')
      throw new Error(`presence-kit: ${channelName} was released before its join`);
    phase = 'joining';
    const joined = presence.join(channelName, joinOptions) as Promise<Room<UserState>>;
    // A failed join shows in the room's `status`/`lastError`; keep it from going unhandled.
    joined.catch(ignore);
    return (presence.getRoom(channelName) as Room<UserState> | undefined) ?? joined;
  });
  room.catch(ignore);
  const dispose = (): Promise<unknown> => {
    const started = phase === 'joining';
    phase = 'released';
    return started ? presence.leave(channelName) : Promise.resolve();
  };
  return { value: room, refs: 0, dispose };
}

/** Joins `channelName` once per presence, however many providers (or StrictMode passes) ask. */
export function leaseRoom<S extends UserState>(
  source: PresenceSource<S>,
  channelName: string,
  joinOptions: JoinOptions<S>,
): RoomLease<S> {
  const { presence, owner, release: releasePresence } = leasePresence(source);
  const rooms = mapFor(roomsByPresence, presence as Presence<UserState>);
  const entry = retain(rooms, channelName, () =>
    joinOnce(presence, owner, channelName, joinOptions),
  );
  let released = false;
  return {
    presence,
    room: entry.value as Promise<Room<S>>,
    release() {
      if (released) return;
      released = true;
      release(owner, rooms, channelName, entry);
      releasePresence();
    },
  };
}
