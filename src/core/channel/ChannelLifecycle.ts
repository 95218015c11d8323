import { PresenceError } from '../facade/PresenceError.js';
import type { PresenceRoom } from './PresenceRoom.js';
import type { UserState } from '../types.js';
import type { PresenceMeta } from '../outbound/wire.js';

/** After SUBSCRIBED, how long `join()` waits for the first `presence_state` before resolving anyway. */
const SYNC_GRACE_MS = 5000;

/**
 * The room's connection state machine, mapped from supabase-js subscribe statuses:
 * idle → connecting → subscribed; CHANNEL_ERROR/TIMED_OUT → reconnecting (supabase-js rejoins by
 * itself; others turn `stale` after `staleAfterMs`); CLOSED by the server → closed + a
 * CHANNEL_SHUTDOWN error; our own leave → closed. A failure before the first SUBSCRIBED fails
 * the join instead.
 */
export class ChannelLifecycle<S extends UserState> {
  everSubscribed = false;
  shutdownReason: string | null = null;
  private subscribed = false;
  private synced = false;
  private closing = false;
  private staleTimer: ReturnType<typeof setTimeout> | null = null;
  private graceTimer: ReturnType<typeof setTimeout> | null = null;
  private settle: { resolve(): void; reject(error: PresenceError): void } | null = null;
  private left: Promise<void> | null = null;

  constructor(private readonly room: PresenceRoom<S>) {}

  /** Subscribes; resolves once subscribed and the first `presence_state` is applied. */
  start(): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.room.model.setStatus('connecting');
    this.room.commit();
    this.room.channel.subscribe((status, err) => this.onStatus(status, err));
    return ready;
  }

  /** True while pushes go over the socket (otherwise supabase-js would fall back to REST). */
  canSend(): boolean {
    return this.subscribed && !this.closing && this.room.channel.state === 'joined';
  }

  /** Sends a presence `track`; a refusal is reported, never thrown. */
  track(meta: PresenceMeta): void {
    void this.room.channel.track(meta).then((result) => {
      if (result === 'error' && this.subscribed) {
        this.fail(
          new PresenceError(
            'OPERATION_FAILED',
            'track',
            `presence track refused on ${this.room.channelName}`,
          ),
          false,
        );
      }
    });
  }

  /** A presence frame is applied: commit it; a `presence_state` (`fullSync`) ends a (re)join. */
  onSync(fullSync: boolean): void {
    const room = this.room;
    if (fullSync) {
      this.clearTimer('staleTimer');
      room.sync.reconcileStale();
      if (!this.synced) room.model.pendingFacts.snapshot = true;
      this.synced = true;
    }
    room.commit();
    this.maybeReady();
  }

  /** Leaves on purpose: announce (`pk:leave`) first, then remove the channel. */
  leave(): Promise<void> {
    if (this.left) return this.left;
    // Already closed by the server or a failed join: the channel is gone, nothing to announce.
    if (this.closing) return (this.left = Promise.resolve());
    this.room.outbox.announceLeave();
    this.closing = true;
    this.shutdown('closed');
    this.settle?.reject(
      new PresenceError(
        'OPERATION_FAILED',
        'join',
        `left ${this.room.channelName} before the join completed`,
      ),
    );
    this.settle = null;
    this.left = this.room.ctx.client.removeChannel(this.room.channel).then(
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
    const room = this.room;
    this.subscribed = this.everSubscribed = true;
    this.clearTimer('staleTimer');
    room.model.setStatus('subscribed');
    room.sync.putLocal(room.outbox.connection());
    room.outbox.subscribed();
    room.commit();
    if (!this.synced && this.graceTimer === null) {
      this.graceTimer = setTimeout(
        () => ((this.graceTimer = null), this.resolveReady()),
        SYNC_GRACE_MS,
      );
    }
    this.maybeReady();
    room.ctx.onStatusChange(room as unknown as PresenceRoom<UserState>);
  }

  private onDropped(status: string, err?: Error): void {
    const room = this.room;
    this.subscribed = false;
    room.outbox.disconnected();
    if (!this.everSubscribed) {
      const code = status === 'TIMED_OUT' ? 'OPERATION_TIMEOUT' : 'OPERATION_FAILED';
      const reason = `join of ${room.channelName} failed: ${err?.message ?? status}`;
      this.closing = true;
      this.fail(new PresenceError(code, 'join', reason, { cause: err }), true);
      void room.ctx.client.removeChannel(room.channel).catch(() => undefined);
      return;
    }
    room.model.setStatus('reconnecting');
    if (room.ctx.settings.staleAfterMs <= 0) room.sync.markStale();
    else
      this.staleTimer ??= setTimeout(
        () => ((this.staleTimer = null), room.sync.markStale(), room.commit()),
        room.ctx.settings.staleAfterMs,
      );
    room.commit();
    room.ctx.onStatusChange(room as unknown as PresenceRoom<UserState>);
  }

  private onClosedByServer(): void {
    const reason = this.shutdownReason ?? 'the server closed the channel';
    this.closing = true;
    this.fail(
      new PresenceError('CHANNEL_SHUTDOWN', 'channel', `${this.room.channelName}: ${reason}`),
      true,
    );
  }

  /** Records and reports an error; `fatal` also closes the room and fails a pending join. */
  private fail(error: PresenceError, fatal: boolean): void {
    this.room.model.setError(error);
    if (fatal) this.shutdown(this.everSubscribed ? 'closed' : 'error');
    else this.room.commit();
    this.room.ctx.report(error);
    if (fatal) {
      this.settle?.reject(error);
      this.settle = null;
    }
  }

  private shutdown(status: 'closed' | 'error'): void {
    const room = this.room;
    this.subscribed = false;
    this.clearTimer('staleTimer');
    this.clearTimer('graceTimer');
    room.outbox.dispose();
    room.sync.dispose();
    room.events.dispose();
    room.model.setStatus(status);
    room.commit();
    room.ctx.onStatusChange(room as unknown as PresenceRoom<UserState>);
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
