import type { SupabaseClient } from '@supabase/supabase-js';
import type { PresenceDirectory } from './DirectoryPlugin.js';
import {
  checkChannelName,
  checkRemoveOptions,
  checkUserId,
  checkWhoNowOptions,
  checkChannelType,
  splitChannelType,
} from './facadeArgs.js';
import { ListenerSet } from '../queries/ListenerSet.js';
import { applyStatePatch } from '../model/applyStatePatch.js';
import { PresenceError } from './PresenceError.js';
import type { RoomOwner } from '../channel/RoomOwner.js';
import { onPageHide } from '../outbound/onPageHide.js';
import { normalizeWhoNowOptions, selectWhoNow, toUserStateRecord } from '../queries/selectors.js';
import type { PresenceSettings } from './settings.js';
import { StateCache } from '../model/StateCache.js';
import { removeKeys, stateSize } from '../model/stateObject.js';
import type * as T from '../types.js';
import type { Presence, PresenceListener } from './Presence.js';
import { ownChannels, sharedChannels, toWhereNow } from '../queries/whereNow.js';
import { RoomRegistry } from './RoomRegistry.js';

/** The `Presence` facade; see `createPresence`. Every method rejects with `PresenceError` only. */
export class PresenceClient<S extends T.UserState = T.UserState> implements Presence<S> {
  readonly #rooms: RoomRegistry<S>;
  readonly #cache: StateCache<S>;
  readonly #presenceListeners = new ListenerSet<T.PresenceEvent<S>>();
  readonly #errorListeners = new ListenerSet<PresenceError>();
  readonly #directory: PresenceDirectory | null;
  readonly #stopPageHide: () => void;
  #destroyed = false;
  readonly #settings: PresenceSettings;

  constructor(
    client: SupabaseClient,
    readonly userId: string,
    settings: PresenceSettings,
  ) {
    this.#settings = settings;
    this.#cache = new StateCache<S>(settings.limits);
    const report = (error: PresenceError) => this.#errorListeners.emit(error);
    const owner: RoomOwner = {
      client,
      selfId: userId,
      settings,
      emit: (event) => this.#presenceListeners.emit(event as T.PresenceEvent<S>),
      report,
      onStatusChange: () => this.#directory?.update(this.#ownChannels()),
    };
    this.#rooms = new RoomRegistry<S>(owner, this.#cache);
    const { directory, limits, trackBudget, private: isPrivate } = settings;
    const context = { client, selfId: userId, private: isPrivate, trackBudget, limits, report };
    this.#directory = directory ? directory.open(directory, context) : null;
    this.#stopPageHide = onPageHide(() => {
      for (const room of this.#rooms.list()) room.announceLeave();
    });
  }

  async join(channelName: string, options?: T.JoinOptions<S>): Promise<T.Room<S>> {
    const name = checkChannelName(channelName, 'join');
    this.#checkAlive('join');
    return this.#rooms.join(name, options);
  }

  async leave(channelName: string): Promise<void> {
    const name = checkChannelName(channelName, 'leave');
    const room = this.#rooms.remove(name);
    if (!room) {
      if (this.#cache.drop(name)) return;
      throw new PresenceError('NOT_CONNECTED', 'leave', `not in channel ${name}`);
    }
    // supabase-js drops the channel synchronously, so a rejoin right away gets a fresh one.
    await room.leave();
    this.#directory?.update(this.#ownChannels());
  }

  getRoom(channelName: string): T.Room<S> | undefined {
    return this.#rooms.get(channelName);
  }

  async setState(
    channelName: string,
    second: T.ChannelType | Partial<S>,
    third?: Partial<S>,
  ): Promise<void> {
    const name = checkChannelName(channelName, 'setState');
    const { rest } = splitChannelType(second, third, 'setState');
    this.#checkAlive('setState');
    const room = this.#rooms.active(name);
    if (!room) return this.#cache.set(name, rest);
    room.setLocalState(applyStatePatch(room.localState, rest, this.#settings.limits, 'setState'));
  }

  async removeState(
    channelName: string,
    second?: T.ChannelType | { states?: string[] },
    third?: { states?: string[] },
  ): Promise<void> {
    const name = checkChannelName(channelName, 'removeState');
    const { rest } = splitChannelType(second, third, 'removeState');
    const keys = checkRemoveOptions(rest, 'removeState');
    this.#checkAlive('removeState');
    const room = this.#rooms.active(name);
    if (!room) return this.#cache.remove(name, keys);
    room.setLocalState(removeKeys<S>(room.localState, keys));
  }

  async getState(
    userId: string,
    channelName: string,
    channelType?: T.ChannelType,
  ): Promise<T.UserStateRecord<S>> {
    const id = checkUserId(userId, 'getState');
    const name = checkChannelName(channelName, 'getState');
    checkChannelType(channelType, 'getState');
    const room = await this.#rooms.ready(name, 'getState');
    if (id === this.userId) {
      const states = room.localState as S;
      return { userId: id, states, statesCount: stateSize(states) };
    }
    const occupant = room.store.getState().occupants.get(id);
    if (!occupant)
      throw new PresenceError('USER_NOT_EXIST', 'getState', `user ${id} is not in channel ${name}`);
    return toUserStateRecord(occupant);
  }

  async whoNow(
    channelName: string,
    second?: T.ChannelType | T.WhoNowOptions,
    third?: T.WhoNowOptions,
  ): Promise<T.WhoNowResult<S>> {
    const name = checkChannelName(channelName, 'whoNow');
    const options = checkWhoNowOptions(splitChannelType(second, third, 'whoNow').rest, 'whoNow');
    normalizeWhoNowOptions(options);
    const room = await this.#rooms.ready(name, 'whoNow');
    return selectWhoNow(room.store.getState(), options);
  }

  async whereNow(userId: string): Promise<T.WhereNowResult> {
    const id = checkUserId(userId, 'whereNow');
    if (id === this.userId) return toWhereNow(this.#ownChannels());
    const fromDirectory = this.#directory?.whereNow(id);
    if (fromDirectory) return fromDirectory;
    return toWhereNow(sharedChannels(this.#rooms.list(), id));
  }

  addEventListener(type: 'presence', listener: PresenceListener<S>): () => void;
  addEventListener(type: 'error', listener: (error: PresenceError) => void): () => void;
  addEventListener(
    type: 'presence' | 'error',
    listener: PresenceListener<S> | ((error: PresenceError) => void),
  ): () => void {
    if (typeof listener !== 'function') {
      throw new PresenceError(
        'INVALID_ARGUMENT',
        'addEventListener',
        'listener must be a function',
      );
    }
    if (type === 'presence') return this.#presenceListeners.add(listener as PresenceListener<S>);
    if (type === 'error')
      return this.#errorListeners.add(listener as (error: PresenceError) => void);
    throw new PresenceError(
      'INVALID_ARGUMENT',
      'addEventListener',
      `unknown event type ${String(type)}`,
    );
  }

  async destroy(): Promise<void> {
    this.#destroyed = true;
    this.#stopPageHide();
    const rooms = this.#rooms.removeAll();
    this.#cache.clear();
    await Promise.all([...rooms.map((room) => room.leave()), this.#directory?.dispose()]);
  }

  /** After `destroy()` nothing may open a channel again (it would have no page-hide handler). */
  #checkAlive(operation: string): void {
    if (this.#destroyed)
      throw new PresenceError('OPERATION_FAILED', operation, 'this presence was destroyed');
  }

  #ownChannels(): { channelName: string; channelType: T.ChannelType }[] {
    return ownChannels(this.#rooms.list());
  }
}
