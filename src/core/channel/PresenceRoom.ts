import type { RealtimeChannel } from '@supabase/supabase-js';
import type { StoreApi } from 'zustand/vanilla';
import { Outbox } from '../outbound/Outbox.js';
import { PresenceError } from '../facade/PresenceError.js';
import { randomId } from './randomId.js';
import { AgoraEvents } from '../queries/AgoraEvents.js';
import { BatchedStore } from '../model/BatchedStore.js';
import { ConnectionReconciler } from '../inbound/ConnectionReconciler.js';
import type { FrozenState } from '../model/stateObject.js';
import type {
  ChannelType,
  PresenceEvent,
  Room,
  RoomState,
  SupabasePresenceEvent,
  SupabasePresenceState,
  UserState,
} from '../types.js';
import { isPlainObject } from '../model/validateState.js';
import { PK_EVENTS, PK_PREFIX } from '../outbound/wire.js';
import type { PresenceMeta } from '../outbound/wire.js';
import { bindChannel } from './bindChannel.js';
import type { PresenceFrames } from '../inbound/PresenceFrames.js';
import { SupabaseView } from '../queries/SupabaseView.js';
import { openChannel } from './openChannel.js';
import type { RoomOwner, RoomOptions } from './RoomOwner.js';

export type { RoomOwner, RoomOptions } from './RoomOwner.js';
import { checkAppEvent, AppListeners } from '../queries/AppListeners.js';
import type { SupabaseEventName } from '../queries/AppListeners.js';
import { ChannelLifecycle } from './ChannelLifecycle.js';

/**
 * One joined channel: a supabase-js channel, the room's store, its outbox and event layer. Each
 * raw presence frame is reconciled into one batch and committed once (one store notification
 * per frame).
 */
export class PresenceRoom<S extends UserState = UserState> implements Room<S> {
  readonly channel: RealtimeChannel;
  readonly store: StoreApi<RoomState<S>>;
  /** @internal */ readonly model: BatchedStore<S>;
  /** @internal */ readonly sync: ConnectionReconciler<S>;
  /** @internal */ readonly outbox: Outbox<S>;
  /** @internal */ readonly events: AgoraEvents<S>;
  /** @internal */ readonly lifecycle: ChannelLifecycle<S>;
  /** @internal */ readonly frames: PresenceFrames;
  private readonly listeners = new AppListeners();

  readonly channelType: ChannelType;

  constructor(
    readonly ctx: RoomOwner,
    readonly channelName: string,
    options: RoomOptions<S>,
  ) {
    this.channelType = options.channelType;
    this.model = new BatchedStore<S>(channelName, ctx.selfId);
    this.store = this.model.store;
    this.channel = openChannel(ctx, channelName);
    const connectionId = randomId();
    const { initialState } = options;
    this.outbox = new Outbox<S>(
      ctx.selfId,
      connectionId,
      initialState,
      this.outboxIO(),
      ctx.settings,
    );
    this.sync = this.createSync(connectionId);
    this.events = new AgoraEvents<S>(
      { ...ctx.settings, ...options, channelName },
      () => this.store.getState(),
      (event) => ctx.emit(event as PresenceEvent<UserState>),
    );
    this.lifecycle = new ChannelLifecycle<S>(this);
    this.frames = bindChannel(this.channel, this);
  }

  presenceState(): SupabasePresenceState {
    return SupabaseView.state(this.frames.metas);
  }

  onSupabasePresence(
    event: SupabaseEventName,
    handler: (payload: SupabasePresenceEvent) => void,
  ): () => void {
    return this.listeners.onSupabase(event, handler);
  }

  onBroadcast(event: string, handler: (payload: unknown) => void): () => void {
    return this.listeners.onBroadcast(event, handler);
  }

  async sendBroadcast(event: string, payload: Record<string, unknown>): Promise<void> {
    checkAppEvent(event, 'sendBroadcast');
    if (!isPlainObject(payload)) {
      throw new PresenceError(
        'INVALID_ARGUMENT',
        'sendBroadcast',
        'payload must be a plain object',
      );
    }
    if (!this.lifecycle.canSend()) {
      const reason = `channel ${this.channelName} is not subscribed`;
      throw new PresenceError('NOT_CONNECTED', 'sendBroadcast', reason);
    }
    const result = await this.channel.send({ type: 'broadcast', event, payload });
    if (result === 'ok') return;
    const code = result === 'timed out' ? 'OPERATION_TIMEOUT' : 'OPERATION_FAILED';
    throw new PresenceError(code, 'sendBroadcast', `broadcast ${String(result)}`);
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

  /** @internal Commits the open batch and emits its events. */
  commit(): void {
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
    this.listeners.emitBroadcast(event, payload);
  }

  /** @internal True when the app listens to `event` (its payloads are built only then). */
  listensSupabase(event: SupabaseEventName): boolean {
    return this.listeners.hasSupabase(event);
  }

  /** @internal Delivers a Supabase-style presence event to the app's listeners. */
  forwardSupabase(event: SupabaseEventName, payload: SupabasePresenceEvent): void {
    this.listeners.emitSupabase(event, payload);
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

  private createSync(localConnectionId: string): ConnectionReconciler<S> {
    const { selfId, settings } = this.ctx;
    return new ConnectionReconciler<S>({
      model: this.model,
      selfId,
      localConnectionId,
      limits: settings.limits,
      debounceMs: settings.debounceMs,
      now: () => Date.now(),
      reject: (reason) => this.reject(reason),
      onNewcomer: () => this.outbox.resendIfLagging(),
      onTimerBatch: () => this.commit(),
    });
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
