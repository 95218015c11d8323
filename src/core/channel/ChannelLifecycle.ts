import type { RealtimeChannel } from '@supabase/supabase-js';
import { PresenceError } from '../facade/PresenceError.js';
import type { ConnectionReconciler } from '../inbound/ConnectionReconciler.js';
import type { BatchedStore } from '../model/BatchedStore.js';
import type { Outbox } from '../outbound/Outbox.js';
import type { UserState } from '../types.js';
import type { PresenceMeta } from '../outbound/wire.js';

/** After SUBSCRIBED, how long `join()` waits for the first `presence_state` before resolving anyway. */
const SYNC_GRACE_MS = 5000;

/** What the lifecycle needs from its room: each part by the few calls it makes on it. */
export interface LifecycleDeps<S extends UserState> {
  channelName: string;
  channel: Pick<RealtimeChannel, 'subscribe' | 'track' | 'state'>;
  /** Removes the channel from its supabase-js client. */
  removeChannel(): Promise<unknown>;
  staleAfterMs: number;
  /** Runs writes as one committed batch (see `Committer`). */
  batch(write: () => void): void;
  store: Pick<BatchedStore<S>, 'setStatus' | 'setError' | 'markSnapshot'>;
  reconciler: Pick<ConnectionReconciler<S>, 'putLocal' | 'markStale' | 'reconcileStale'>;
  outbox: Pick<Outbox<S>, 'connection' | 'subscribed' | 'disconnected' | 'announceLeave'>;
  /** Stops the timers of the room's other parts (it is closing for good). */
  disposeParts(): void;
  report(error: PresenceError): void;
  /** The room's connection status changed (after the change is committed). */
  onStatusChange(): void;
}

/**
 * The room's connection state machine, mapped from supabase-js subscribe statuses:
 * idle → connecting → subscribed; CHANNEL_ERROR/TIMED_OUT → reconnecting (supabase-js rejoins by
 * itself; others turn `stale` after `staleAfterMs`); CLOSED by the server → closed + a
 * CHANNEL_SHUTDOWN error; our own leave → closed. A failure before the first SUBSCRIBED fails
 * the join instead.
 */
export class ChannelLifecycle<S extends UserState> {
  everSubscribed = false;
  private shutdownReason: string | null = null;
  private subscribed = false;
  private synced = false;
  private closing = false;
  private staleTimer: ReturnType<typeof setTimeout> | null = null;
  private graceTimer: ReturnType<typeof setTimeout> | null = null;
  private settle: { resolve(): void; reject(error: PresenceError): void } | null = null;
  private left: Promise<void> | null = null;

  constructor(private readonly deps: LifecycleDeps<S>) {}

  /** Subscribes; resolves once subscribed and the first `presence_state` is applied. */
  start(): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.deps.batch(() => this.deps.store.setStatus('connecting'));
    this.deps.channel.subscribe((status, err) => this.onStatus(status, err));
    return ready;
  }

  /** True while pushes go over the socket (otherwise supabase-js would fall back to REST). */
  canSend(): boolean {
    return this.subscribed && !this.closing && this.deps.channel.state === 'joined';
  }

  /** Sends a presence `track`; a refusal is reported, never thrown. */
  track(meta: PresenceMeta): void {
    void this.deps.channel.track(meta).then((result) => {
      if (result === 'error' && this.subscribed) {
        const reason = `presence track refused on ${this.deps.channelName}`;
        this.fail(new PresenceError('OPERATION_FAILED', 'track', reason), false);
      }
    });
  }

  /** The server said why it will close the channel (reported with CHANNEL_SHUTDOWN). */
  noteShutdown(reason: string): void {
    this.shutdownReason = reason;
  }

  /**
   * A presence frame was applied, inside its batch: a `presence_state` (`fullSync`) ends a
   * (re)join, and the first one of our join is the SNAPSHOT.
   */
  onSync(fullSync: boolean): void {
    if (fullSync) {
      this.clearTimer('staleTimer');
      this.deps.reconciler.reconcileStale();
      if (!this.synced) this.deps.store.markSnapshot();
      this.synced = true;
    }
    this.maybeReady();
  }

  /** Leaves on purpose: announce (`pk:leave`) first, then remove the channel. */
  leave(): Promise<void> {
    if (this.left) return this.left;
    // Already closed by the server or a failed join: the channel is gone, nothing to announce.
    if (this.closing) return (this.left = Promise.resolve());
    this.deps.outbox.announceLeave();
    this.closing = true;
    this.close('closed', null);
    const reason = `left ${this.deps.channelName} before the join completed`;
    this.settle?.reject(new PresenceError('OPERATION_FAILED', 'join', reason));
    this.settle = null;
    this.left = this.deps.removeChannel().then(
      () => undefined,
      () => undefined,
    );
    return this.left;
  }

  private onStatus(status: string, err?: Error): void {
    if (this.closing) return;
    if (status === 'SUBSCRIBED') this.onSubscribed();
    else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') this.onDropped(status, err);
    else if (status === 'CLOSED') this.onClosedByServer();
  }

  private onSubscribed(): void {
    const { store, reconciler, outbox } = this.deps;
    this.subscribed = this.everSubscribed = true;
    this.clearTimer('staleTimer');
    this.deps.batch(() => {
      store.setStatus('subscribed');
      reconciler.putLocal(outbox.connection());
      outbox.subscribed();
    });
    if (!this.synced && this.graceTimer === null) {
      this.graceTimer = setTimeout(
        () => ((this.graceTimer = null), this.resolveReady()),
        SYNC_GRACE_MS,
      );
    }
    this.maybeReady();
    this.deps.onStatusChange();
  }

  private onDropped(status: string, err?: Error): void {
    const { store, reconciler, staleAfterMs } = this.deps;
    this.subscribed = false;
    this.deps.outbox.disconnected();
    if (!this.everSubscribed) {
      const code = status === 'TIMED_OUT' ? 'OPERATION_TIMEOUT' : 'OPERATION_FAILED';
      const reason = `join of ${this.deps.channelName} failed: ${err?.message ?? status}`;
      this.closing = true;
      this.fail(new PresenceError(code, 'join', reason, { cause: err }), true);
      void this.deps.removeChannel().catch(() => undefined);
      return;
    }
    this.deps.batch(() => {
      store.setStatus('reconnecting');
      if (staleAfterMs <= 0) reconciler.markStale();
    });
    if (staleAfterMs > 0)
      this.staleTimer ??= setTimeout(() => {
        this.staleTimer = null;
        this.deps.batch(() => reconciler.markStale());
      }, staleAfterMs);
    this.deps.onStatusChange();
  }

  private onClosedByServer(): void {
    const reason = this.shutdownReason ?? 'the server closed the channel';
    const message = `${this.deps.channelName}: ${reason}`;
    this.closing = true;
    this.fail(new PresenceError('CHANNEL_SHUTDOWN', 'channel', message), true);
  }

  /** Records and reports an error; `fatal` also closes the room and fails a pending join. */
  private fail(error: PresenceError, fatal: boolean): void {
    if (fatal) this.close(this.everSubscribed ? 'closed' : 'error', error);
    else this.deps.batch(() => this.deps.store.setError(error));
    this.deps.report(error);
    if (fatal) {
      this.settle?.reject(error);
      this.settle = null;
    }
  }

  /** Stops everything and commits the final status (and the error that caused it). */
  private close(status: 'closed' | 'error', error: PresenceError | null): void {
    this.subscribed = false;
    this.clearTimer('staleTimer');
    this.clearTimer('graceTimer');
    this.deps.batch(() => {
      if (error) this.deps.store.setError(error);
      this.deps.disposeParts();
      this.deps.store.setStatus(status);
    });
    this.deps.onStatusChange();
  }

  private maybeReady(): void {
    if (this.subscribed && this.synced) this.resolveReady();
  }

  private resolveReady(): void {
    this.clearTimer('graceTimer');
    this.settle?.resolve();
    this.settle = null;
  }

  private clearTimer(name: 'staleTimer' | 'graceTimer'): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }
}
