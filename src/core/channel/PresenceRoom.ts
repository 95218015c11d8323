import type { RealtimeChannel } from '@supabase/supabase-js';
import type { StoreApi } from 'zustand/vanilla';
import { ConnectionReconciler } from '../inbound/ConnectionReconciler.js';
import { FrameIngest } from '../inbound/FrameIngest.js';
import { RejectionReporter } from '../inbound/RejectionReporter.js';
import type { PresenceFrames } from '../inbound/PresenceFrames.js';
import { BatchedStore } from '../model/BatchedStore.js';
import { Committer } from '../model/Committer.js';
import type { FrozenState } from '../model/stateObject.js';
import { Outbox } from '../outbound/Outbox.js';
import { AgoraEvents } from '../queries/AgoraEvents.js';
import { AppListeners } from '../queries/AppListeners.js';
import type { SupabaseEventName } from '../queries/AppListeners.js';
import { SupabaseView } from '../queries/SupabaseView.js';
import type {
  ChannelType,
  PresenceEvent,
  Room,
  RoomState,
  SupabasePresenceEvent,
  SupabasePresenceState,
  UserState,
} from '../types.js';
import { bindChannel } from './bindChannel.js';
import { ChannelLifecycle } from './ChannelLifecycle.js';
import { randomId } from './randomId.js';
import { RoomBroadcasts } from './RoomBroadcasts.js';
import { roomOutboxIO } from './roomOutboxIO.js';
import { RoomChannel } from './RoomChannel.js';
import type { RoomOptions, RoomOwner } from './RoomOwner.js';

/**
 * One joined channel, and the place its parts are wired together: frames come in through
 * `FrameIngest` into the `ConnectionReconciler`, our own state goes out through the `Outbox`,
 * the `ChannelLifecycle` follows the subscription, and every change is committed by the one
 * `Committer` (one store notification per frame), whose facts feed `AgoraEvents`. Each part sees
 * only the narrow interface it needs, never the room.
 */
export class PresenceRoom<S extends UserState = UserState> implements Room<S> {
  readonly store: StoreApi<RoomState<S>>;
  readonly channelType: ChannelType;
  /** @internal The raw presence metas per key (tests read them). */
  readonly frames: PresenceFrames;
  readonly #batched: BatchedStore<S>;
  readonly #committer: Committer<S>;
  readonly #reconciler: ConnectionReconciler<S>;
  readonly #outbox: Outbox<S>;
  readonly #events: AgoraEvents<S>;
  readonly #lifecycle: ChannelLifecycle<S>;
  readonly #listeners = new AppListeners();
  readonly #line: RoomChannel;
  readonly #broadcasts: RoomBroadcasts;
  /** Dropped remote payloads, reported coalesced and never written to the store. */
  readonly #rejections: RejectionReporter;
  readonly #owner: RoomOwner;

  constructor(
    owner: RoomOwner,
    readonly channelName: string,
    options: RoomOptions<S>,
  ) {
    this.#owner = owner;
    const { selfId, settings } = owner;
    this.channelType = options.channelType;
    this.#rejections = new RejectionReporter(channelName, (error) => owner.report(error));
    this.#batched = new BatchedStore<S>(channelName, selfId);
    this.store = this.#batched.store;
    this.#line = new RoomChannel(owner.client, channelName, settings);
    const connectionId = randomId();
    this.#outbox = new Outbox<S>(
      selfId,
      connectionId,
      options.initialState,
      roomOutboxIO({
        channelName,
        settings,
        channel: () => this.channel,
        canSend: () => this.#lifecycle.pushes.canSend(),
        track: (meta) => this.#lifecycle.pushes.track(meta),
        report: (error) => owner.report(error),
      }),
      settings,
    );
    this.#events = new AgoraEvents<S>(
      { ...settings, ...options, channelName },
      () => this.store.getState(),
      (event) => owner.emit(event as PresenceEvent<UserState>),
    );
    this.#committer = new Committer<S>(this.#batched, (facts) => this.#events.handle(facts));
    const batch = (write: () => void) => this.#committer.batch(write);
    this.#reconciler = new ConnectionReconciler<S>({
      store: this.#batched,
      selfId,
      localConnectionId: connectionId,
      limits: settings.limits,
      debounceMs: settings.debounceMs,
      now: () => Date.now(),
      reject: (reason) => this.#rejections.reject(reason),
      onNewcomer: () => this.#outbox.resendIfLagging(),
      batch,
      isOwnMeta: (version, proof, ref) => this.#outbox.ownTracks.claim(version, proof, ref),
      identity: settings.identity?.gate<S>(channelName) ?? null,
    });
    this.#lifecycle = this.#createLifecycle(batch);
    this.#broadcasts = new RoomBroadcasts({
      channelName,
      channel: () => this.channel,
      canSend: () => this.#lifecycle.pushes.canSend(),
      listeners: this.#listeners,
      batch,
      reconciler: this.#reconciler,
    });
    const ingest = new FrameIngest<S>({
      reconciler: this.#reconciler,
      supabase: this.#listeners,
      batch,
      onSynced: (fullSync) => this.#lifecycle.onSync(fullSync),
      remainingRefs: () => this.channel.presenceState(),
    });
    this.frames = ingest.frames;
    this.#line.bind((channel) =>
      bindChannel(channel, {
        presenceState: (payload, joinRef) => ingest.state(payload, joinRef),
        presenceDiff: (payload, joinRef) => ingest.diff(payload, joinRef),
        broadcast: (event, payload) => this.#broadcasts.deliver(event, payload),
        shutdownNotice: (reason) => this.#lifecycle.noteShutdown(reason),
      }),
    );
  }

  /** The current supabase-js channel: a rejoin after a shutdown replaces it. */
  get channel(): RealtimeChannel {
    return this.#line.current;
  }

  rejoin(): Promise<void> {
    return this.#lifecycle.rejoin();
  }

  presenceState(): SupabasePresenceState {
    return SupabaseView.state(this.frames.metas);
  }

  onSupabasePresence(
    event: SupabaseEventName,
    handler: (payload: SupabasePresenceEvent) => void,
  ): () => void {
    return this.#listeners.onSupabase(event, handler);
  }

  onBroadcast(event: string, handler: (payload: unknown) => void): () => void {
    return this.#listeners.onBroadcast(event, handler);
  }

  sendBroadcast(event: string, payload: Record<string, unknown>): Promise<void> {
    return this.#broadcasts.send(event, payload);
  }

  subscribeUser(userId: string, listener: () => void): () => void {
    return this.#batched.subscribeUser(userId, listener);
  }

  /** @internal Subscribes; resolves once subscribed and the first `presence_state` is applied. */
  start(): Promise<void> {
    return this.#lifecycle.start();
  }

  /** @internal Leaves on purpose (announces the leave, then removes the channel). */
  leave(): Promise<void> {
    return this.#lifecycle.leave();
  }

  /** @internal Sends `pk:leave` while the socket is still open (the page is going away). */
  announceLeave(): void {
    this.#outbox.announceLeave();
  }

  /** @internal Our own state on this connection. */
  get localState(): FrozenState<S> {
    return this.#outbox.current;
  }

  /** @internal Replaces our own state (already validated) and sends it. */
  setLocalState(next: FrozenState<S>): void {
    if (!this.#outbox.replace(next) || !this.#lifecycle.everSubscribed) return;
    this.#committer.batch(() => this.#reconciler.putLocal(this.#outbox.connection()));
  }

  #createLifecycle(batch: (write: () => void) => void): ChannelLifecycle<S> {
    const owner = this.#owner;
    const line = this.#line;
    return new ChannelLifecycle<S>({
      channelName: this.channelName,
      channel: () => line.current,
      prepareJoin: () => line.prepareJoin(),
      reopen: () => line.reopen(),
      removeChannel: () => line.remove(),
      staleAfterMs: owner.settings.staleAfterMs,
      autoRejoin: owner.settings.autoRejoin,
      batch,
      store: this.#batched,
      reconciler: this.#reconciler,
      outbox: this.#outbox,
      disposeParts: () => {
        this.#outbox.dispose();
        this.#reconciler.dispose();
        this.#rejections.dispose();
        this.#events.dispose();
      },
      report: (error) => owner.report(error),
      onStatusChange: () => owner.onStatusChange(),
    });
  }
}
