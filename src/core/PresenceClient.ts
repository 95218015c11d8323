import type { SupabaseClient } from '@supabase/supabase-js';
import { Directory } from './Directory.js';
import { asPresenceError, checkChannelName, checkRemoveOptions, checkUserId, checkWhoNowOptions, isChannelType, splitChannelType } from './facadeArgs.js';
import { applyStatePatch } from './localState.js';
import { PresenceError } from './PresenceError.js';
import { PresenceRoom } from './Room.js';
import type { RoomContext } from './Room.js';
import { normalizeWhoNowOptions, selectWhoNow, toUserStateRecord } from './selectors.js';
import type { PresenceSettings } from './settings.js';
import type { FrozenState } from './stateObject.js';
import { EMPTY_STATE, removeKeys, stateSize } from './stateObject.js';
import type { ChannelType, JoinOptions, Presence, PresenceEvent, PresenceListener, Room, UserState, UserStateRecord, WhereNowResult, WhoNowOptions, WhoNowResult } from './types.js';
import { isPlainObject } from './validateState.js';

interface RoomEntry<S extends UserState> {
  room: PresenceRoom<S>;
  ready: Promise<Room<S>>;
}

/** The `Presence` facade; see `createPresence`. Every method rejects with `PresenceError` only. */
export class PresenceClient<S extends UserState = UserState> implements Presence<S> {
  private readonly rooms = new Map<string, RoomEntry<S>>();
  /** State set before joining (Agora caches it and publishes it on join). */
  private readonly cache = new Map<string, FrozenState<S>>();
  private readonly presenceListeners = new Set<PresenceListener<S>>();
  private readonly errorListeners = new Set<(error: PresenceError) => void>();
  private readonly directory: Directory | null;
  private readonly ctx: RoomContext;

  constructor(
    client: SupabaseClient,
    readonly userId: string,
    private readonly settings: PresenceSettings,
  ) {
    this.ctx = {
      client,
      selfId: userId,
      settings,
      emit: (event) => this.dispatch(this.presenceListeners, event as PresenceEvent<S>),
      report: (error) => this.dispatch(this.errorListeners, error),
      onStatusChange: () => this.directory?.update(this.ownChannels()),
    };
    this.directory = settings.directory === null ? null : new Directory(client, userId, settings.directory, settings, this.ctx.report);
  }

  async join(channelName: string, options?: JoinOptions<S>): Promise<Room<S>> {
    const name = checkChannelName(channelName, 'join');
    if (options !== undefined && !isPlainObject(options)) throw new PresenceError('INVALID_ARGUMENT', 'join', 'options must be an object');
    const existing = this.rooms.get(name);
    if (existing && !isClosed(existing.room)) return existing.ready;
    const channelType = options?.channelType ?? 'MESSAGE';
    if (!isChannelType(channelType)) throw new PresenceError('INVALID_ARGUMENT', 'join', `channelType must be 'MESSAGE' or 'STREAM'`);
    let initial = applyStatePatch<S>(EMPTY_STATE as FrozenState<S>, options?.initialState ?? {}, this.settings.limits, 'join');
    initial = applyStatePatch<S>(initial, { ...this.cache.get(name) }, this.settings.limits, 'join');
    let room: PresenceRoom<S>;
    try {
      room = new PresenceRoom<S>(this.ctx, name, { channelType, withPresence: options?.withPresence !== false, initialState: initial });
    } catch (error) {
      throw asPresenceError(error, 'join');
    }
    this.cache.delete(name);
    const entry: RoomEntry<S> = { room, ready: room.lifecycle.start().then(() => room) };
    this.rooms.set(name, entry);
    entry.ready.catch(() => this.rooms.get(name) === entry && this.rooms.delete(name));
    return entry.ready;
  }

  async leave(channelName: string): Promise<void> {
    const name = checkChannelName(channelName, 'leave');
    const entry = this.rooms.get(name);
    if (!entry) {
      if (this.cache.delete(name)) return;
      throw new PresenceError('NOT_CONNECTED', 'leave', `not in channel ${name}`);
    }
    this.rooms.delete(name);
    await entry.room.lifecycle.leave();
    this.directory?.update(this.ownChannels());
  }

  getRoom(channelName: string): Room<S> | undefined {
    return this.rooms.get(channelName)?.room;
  }

  async setState(channelName: string, second: ChannelType | Partial<S>, third?: Partial<S>): Promise<void> {
    const name = checkChannelName(channelName, 'setState');
    const { rest } = splitChannelType(second, third, 'setState');
    const room = this.activeRoom(name);
    if (room) {
      room.setLocalState(applyStatePatch(room.outbox.current, rest, this.settings.limits, 'setState'));
      return;
    }
    const next = applyStatePatch(this.cache.get(name) ?? (EMPTY_STATE as FrozenState<S>), rest, this.settings.limits, 'setState');
    if (!this.cache.has(name) && this.cache.size >= this.settings.limits.maxCachedChannels) {
      throw new PresenceError('CACHED_TOO_MANY_STATES', 'setState', `state is cached for ${this.settings.limits.maxCachedChannels} channels already`);
    }
    this.cache.set(name, next);
  }

  async removeState(channelName: string, second?: ChannelType | { states?: string[] }, third?: { states?: string[] }): Promise<void> {
    const name = checkChannelName(channelName, 'removeState');
    const keys = checkRemoveOptions(splitChannelType(second, third, 'removeState').rest, 'removeState');
    const room = this.activeRoom(name);
    if (room) return room.setLocalState(removeKeys<S>(room.outbox.current, keys));
    const cached = this.cache.get(name);
    if (!cached) throw new PresenceError('NOT_CONNECTED', 'removeState', `not in channel ${name}`);
    this.cache.set(name, removeKeys<S>(cached, keys));
  }

  async getState(userId: string, channelName: string, channelType?: ChannelType): Promise<UserStateRecord<S>> {
    const id = checkUserId(userId, 'getState');
    const name = checkChannelName(channelName, 'getState');
    if (channelType !== undefined && !isChannelType(channelType)) throw new PresenceError('INVALID_ARGUMENT', 'getState', `channelType must be 'MESSAGE' or 'STREAM'`);
    const room = await this.readyRoom(name, 'getState');
    if (id === this.userId) {
      const states = room.outbox.current as S;
      return { userId: id, states, statesCount: stateSize(states) };
    }
    const occupant = room.store.getState().occupants.get(id);
    if (!occupant) throw new PresenceError('USER_NOT_EXIST', 'getState', `user ${id} is not in channel ${name}`);
    return toUserStateRecord(occupant);
  }

  async whoNow(channelName: string, second?: ChannelType | WhoNowOptions, third?: WhoNowOptions): Promise<WhoNowResult<S>> {
    const name = checkChannelName(channelName, 'whoNow');
    const options = checkWhoNowOptions(splitChannelType(second, third, 'whoNow').rest, 'whoNow');
    normalizeWhoNowOptions(options);
    const room = await this.readyRoom(name, 'whoNow');
    return selectWhoNow(room.store.getState(), options);
  }

  async whereNow(userId: string): Promise<WhereNowResult> {
    const id = checkUserId(userId, 'whereNow');
    if (id === this.userId) return toWhereNow(this.ownChannels());
    const fromDirectory = this.directory?.whereNow(id);
    if (fromDirectory) return fromDirectory;
    const channels = this.ownChannels().filter((c) => this.rooms.get(c.channelName)?.room.store.getState().occupants.has(id));
    return toWhereNow(channels);
  }

  addEventListener(type: 'presence', listener: PresenceListener<S>): () => void;
  addEventListener(type: 'error', listener: (error: PresenceError) => void): () => void;
  addEventListener(type: 'presence' | 'error', listener: PresenceListener<S> | ((error: PresenceError) => void)): () => void {
    if (typeof listener !== 'function') throw new PresenceError('INVALID_ARGUMENT', 'addEventListener', 'listener must be a function');
    const set = (type === 'presence' ? this.presenceListeners : type === 'error' ? this.errorListeners : null) as Set<typeof listener> | null;
    if (!set) throw new PresenceError('INVALID_ARGUMENT', 'addEventListener', `unknown event type ${String(type)}`);
    set.add(listener);
    return () => set.delete(listener);
  }

  async destroy(): Promise<void> {
    const entries = [...this.rooms.values()];
    this.rooms.clear();
    this.cache.clear();
    await Promise.all([...entries.map((e) => e.room.lifecycle.leave()), this.directory?.dispose()]);
  }

  /** Rooms we are in (subscribed or reconnecting), for whereNow and the directory. */
  private ownChannels(): { channelName: string; channelType: ChannelType }[] {
    const out: { channelName: string; channelType: ChannelType }[] = [];
    for (const { room } of this.rooms.values()) {
      const status = room.store.getState().status;
      if (status === 'subscribed' || status === 'reconnecting') out.push({ channelName: room.channelName, channelType: room.channelType });
    }
    return out;
  }

  private activeRoom(name: string): PresenceRoom<S> | undefined {
    const room = this.rooms.get(name)?.room;
    return room && !isClosed(room) ? room : undefined;
  }

  /** The room once its join completed; NOT_CONNECTED when we never joined (or it failed). */
  private async readyRoom(name: string, operation: string): Promise<PresenceRoom<S>> {
    const entry = this.rooms.get(name);
    if (!entry || isClosed(entry.room)) throw new PresenceError('NOT_CONNECTED', operation, `not in channel ${name}`);
    try {
      await entry.ready;
    } catch (error) {
      throw new PresenceError('NOT_CONNECTED', operation, `not in channel ${name}`, { cause: error });
    }
    return entry.room;
  }

  private dispatch<T>(listeners: Set<(value: T) => void>, value: T): void {
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (error) {
        // A throwing listener must not break the engine; surface it like an uncaught error.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }
}

function isClosed(room: { store: { getState(): { status: string } } }): boolean {
  const status = room.store.getState().status;
  return status === 'closed' || status === 'error';
}

function toWhereNow(channels: { channelName: string; channelType: ChannelType }[]): WhereNowResult {
  return { totalChannel: channels.length, channels };
}
