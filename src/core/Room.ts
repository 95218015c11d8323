import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import type { StoreApi } from 'zustand/vanilla';
import { Outbox } from './Outbox.js';
import { PresenceError } from './PresenceError.js';
import { randomId } from './randomId.js';
import { RoomEvents } from './RoomEvents.js';
import { RoomModel } from './RoomModel.js';
import { RoomSync } from './RoomSync.js';
import type { PresenceSettings } from './settings.js';
import type { FrozenState } from './stateObject.js';
import type {
  ChannelType,
  PresenceEvent,
  Room,
  RoomState,
  SupabasePresenceEvent,
  SupabasePresenceState,
  UserState,
} from './types.js';
import { isPlainObject } from './validateState.js';
import { PK_EVENTS, PK_PREFIX } from './wire.js';
import type { PresenceMeta } from './wire.js';
import { bindRoomChannel } from './bindRoomChannel.js';
import { RoomLifecycle } from './RoomLifecycle.js';

/** What a room needs from the `Presence` that owns it. */
export interface RoomContext {
  client: SupabaseClient;
  selfId: string;
  settings: PresenceSettings;
  emit(event: PresenceEvent<UserState>): void;
  report(error: PresenceError): void;
  /** The room's connection status changed (the directory lists our rooms). */
  onStatusChange(room: PresenceRoom<UserState>): void;
}

/** Options of one room. */
export interface RoomOptions<S extends UserState> {
  channelType: ChannelType;
  withPresence: boolean;
  initialState: FrozenState<S>;
}

type SupabaseEventName = 'sync' | 'join' | 'leave';

/**
 * One joined channel: a supabase-js channel, the room's store, its outbox and event layer. The
 * channel's presence `join`/`leave` callbacks of one frame form one batch; the `sync` that
 * supabase-js fires right after them commits it (one store notification per frame).
 */
export class PresenceRoom<S extends UserState = UserState> implements Room<S> {
  readonly channel: RealtimeChannel;
  readonly store: StoreApi<RoomState<S>>;
  /** @internal */ readonly model: RoomModel<S>;
  /** @internal */ readonly sync: RoomSync<S>;
  /** @internal */ readonly outbox: Outbox<S>;
  /** @internal */ readonly events: RoomEvents<S>;
  /** @internal */ readonly lifecycle: RoomLifecycle<S>;
  private readonly supabaseHandlers: Record<
    SupabaseEventName,
    Set<(payload: SupabasePresenceEvent) => void>
  > = {
    sync: new Set(),
    join: new Set(),
    leave: new Set(),
  };
  private readonly broadcastHandlers = new Map<string, Set<(payload: unknown) => void>>();
  private commitQueued = false;

  constructor(
    readonly ctx: RoomContext,
    readonly channelName: string,
    options: RoomOptions<S>,
  ) {
    const { settings, selfId } = ctx;
    this.channelType = options.channelType;
    this.model = new RoomModel<S>(channelName, selfId);
    this.store = this.model.store;
    this.channel = ctx.client.channel(channelName, {
      config: {
        presence: { key: settings.presenceKey, enabled: true },
        broadcast: { self: false },
        private: settings.private,
      },
    });
    if (this.channel.state !== 'closed' || this.channel.joinedOnce) {
      throw new PresenceError(
        'OPERATION_FAILED',
        'join',
        `channel ${channelName} is already in use on this supabase client`,
      );
    }
    const connectionId = randomId();
    this.outbox = new Outbox<S>(
      selfId,
      connectionId,
      options.initialState,
      this.outboxIO(),
      settings,
    );
    this.sync = new RoomSync<S>({
      model: this.model,
      selfId,
      localConnectionId: connectionId,
      limits: settings.limits,
      debounceMs: settings.debounceMs,
      now: () => Date.now(),
      reject: (reason) => this.reject(reason),
      onNewcomer: () => this.outbox.resendIfLagging(),
      onTimerBatch: () => this.commit(),
    });
    const eventOptions = {
      channelName,
      channelType: options.channelType,
      withPresence: options.withPresence,
      ...settings,
    };
    this.events = new RoomEvents<S>(
      eventOptions,
      () => this.store.getState(),
      (event) => ctx.emit(event as PresenceEvent<UserState>),
    );
    this.lifecycle = new RoomLifecycle<S>(this);
    bindRoomChannel(this.channel, this);
  }

  readonly channelType: ChannelType;

  presenceState(): SupabasePresenceState {
    return this.channel.presenceState() as unknown as SupabasePresenceState;
  }

  onSupabasePresence(
    event: SupabaseEventName,
    handler: (payload: SupabasePresenceEvent) => void,
  ): () => void {
    const set = this.supabaseHandlers[event];
    if (!set)
      throw new PresenceError(
        'INVALID_ARGUMENT',
        'onSupabasePresence',
        'event must be sync, join or leave',
      );
    set.add(handler);
    return () => set.delete(handler);
  }

  onBroadcast(event: string, handler: (payload: unknown) => void): () => void {
    checkAppEvent(event, 'onBroadcast');
    let set = this.broadcastHandlers.get(event);
    if (!set) this.broadcastHandlers.set(event, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  async sendBroadcast(event: string, payload: Record<string, unknown>): Promise<void> {
    checkAppEvent(event, 'sendBroadcast');
    if (!isPlainObject(payload))
      throw new PresenceError(
        'INVALID_ARGUMENT',
        'sendBroadcast',
        'payload must be a plain object',
      );
    if (!this.lifecycle.canSend())
      throw new PresenceError(
        'NOT_CONNECTED',
        'sendBroadcast',
        `channel ${this.channelName} is not subscribed`,
      );
    const result = await this.channel.send({ type: 'broadcast', event, payload });
    if (result === 'timed out')
      throw new PresenceError('OPERATION_TIMEOUT', 'sendBroadcast', 'broadcast timed out');
    if (result !== 'ok')
      throw new PresenceError(
        'OPERATION_FAILED',
        'sendBroadcast',
        `broadcast failed: ${String(result)}`,
      );
  }

  subscribeUser(userId: string, listener: () => void): () => void {
    return this.model.subscribeUser(userId, listener);
  }

  /** @internal Replaces our own state (already validated) and sends it. */
  setLocalState(next: FrozenState<S>): void {
    if (!this.outbox.replace(next) || !this.lifecycle.everSubscribed) return;
    this.sync.putLocal(this.outbox.connection());
    this.commit();
  }

  /** @internal Opens (or keeps) a batch that will be committed by `sync` or, failing that, a microtask. */
  queueCommit(): void {
    if (this.commitQueued) return;
    this.commitQueued = true;
    queueMicrotask(() => {
      if (this.commitQueued) this.commit();
    });
  }

  /** @internal Commits the open batch and emits its events. */
  commit(): void {
    this.commitQueued = false;
    this.events.handle(this.model.commit());
  }

  /** @internal Delivers a broadcast: `pk:` events to the sync layer, others to app handlers. */
  deliverBroadcast(event: string, payload: unknown): void {
    if (event === PK_EVENTS.state) this.sync.stateMessage(payload);
    else if (event === PK_EVENTS.leave) this.sync.leaveNotice(payload);
    if (event.startsWith(PK_PREFIX)) {
      this.commit();
      return;
    }
    for (const handler of [...(this.broadcastHandlers.get(event) ?? [])]) handler(payload);
  }

  /** @internal Forwards a supabase-js presence callback to the app's listeners. */
  forwardSupabase(event: SupabaseEventName, payload: SupabasePresenceEvent): void {
    for (const handler of [...this.supabaseHandlers[event]]) handler(payload);
  }

  /** @internal Reports a dropped remote payload. */
  reject(reason: string): void {
    const error = new PresenceError(
      'INVALID_REMOTE_PAYLOAD',
      'receive',
      `${this.channelName}: ${reason}`,
    );
    this.model.setError(error);
    this.ctx.report(error);
  }

  private outboxIO(): ConstructorParameters<typeof Outbox<S>>[3] {
    return {
      now: () => Date.now(),
      canSend: () => this.lifecycle.canSend(),
      broadcast: (event, payload) => void this.channel.send({ type: 'broadcast', event, payload }),
      track: (meta: PresenceMeta) => this.lifecycle.track(meta),
    };
  }
}

function checkAppEvent(event: string, operation: string): void {
  if (typeof event !== 'string' || event === '' || event.startsWith(PK_PREFIX)) {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      operation,
      `event must be a non-empty string not starting with "${PK_PREFIX}"`,
    );
  }
}
