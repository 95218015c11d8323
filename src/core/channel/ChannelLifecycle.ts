import { PresenceError } from '../facade/PresenceError.js';
import type { UserState } from '../types.js';
import { ChannelPushes } from './ChannelPushes.js';
import { JoinWaiters } from './JoinWaiters.js';
import type { LifecycleDeps } from './LifecycleDeps.js';
import { RejoinPolicy } from './RejoinPolicy.js';
import { RoomStatus } from './RoomStatus.js';

/** `open`: joining or joined; `failed`: the first join failed; `shutdown`: closed by the server. */
type Phase = 'open' | 'failed' | 'shutdown' | 'left';

const ignore = (): void => {};

/**
 * The room's connection state machine, mapped from supabase-js subscribe statuses:
 * idle → connecting → subscribed; CHANNEL_ERROR/TIMED_OUT → reconnecting (supabase-js rejoins by
 * itself; others turn `stale` after `staleAfterMs`); CLOSED by the server → closed with a
 * CHANNEL_SHUTDOWN error, then reconnecting → subscribed on a fresh channel when `rejoin()` is
 * called or the `RejoinPolicy` allows it; our own leave → closed for good. A failure before the
 * first SUBSCRIBED fails the join instead.
 */
export class ChannelLifecycle<S extends UserState> {
  everSubscribed = false;
  #phase: Phase = 'open';
  #shutdownReason: string | null = null;
  #subscribed = false;
  /** The current channel got SUBSCRIBED (else its failure is a refused join). */
  #channelJoined = false;
  /** The channel whose statuses we follow; `null` once it is closed, refused or replaced. */
  #live: object | null = null;
  #left: Promise<void> | null = null;
  readonly #waiters = new JoinWaiters();
  readonly #policy = new RejoinPolicy();
  readonly #status: RoomStatus<S>;
  /** Pushes on the current channel, while it is subscribed and open. */
  readonly pushes: ChannelPushes<S>;
  readonly #deps: LifecycleDeps<S>;

  constructor(deps: LifecycleDeps<S>) {
    this.#deps = deps;
    this.#status = new RoomStatus(deps);
    this.pushes = new ChannelPushes(deps, () => this.#subscribed && this.#phase === 'open');
  }

  /** Subscribes; resolves once subscribed and the first `presence_state` is applied. */
  start(): Promise<void> {
    const joined = this.#waiters.startJoin();
    this.#deps.batch(() => this.#deps.store.setStatus('connecting'));
    const wait = this.#deps.prepareJoin();
    if (wait === null) this.#subscribe();
    else void wait.then(() => this.#phase === 'open' && this.#subscribe());
    return joined;
  }

  /**
   * After a shutdown, joins again on a fresh channel (token made current first); resolves once
   * subscribed and synced. Resolves at once while the room is not closed (supabase-js rejoins a
   * dropped channel by itself); rejects with `NOT_CONNECTED` after a leave or a failed first join.
   */
  rejoin(): Promise<void> {
    if (this.#phase === 'left' || this.#phase === 'failed') {
      const reason = `${this.#deps.channelName} was ${this.#phase === 'left' ? 'left' : 'never joined'}`;
      return Promise.reject(new PresenceError('NOT_CONNECTED', 'rejoin', reason));
    }
    const inFlight = this.#waiters.rejoin;
    if (inFlight) return inFlight;
    if (this.#phase === 'open') return Promise.resolve();
    this.#policy.cancel();
    const rejoined = this.#waiters.startRejoin();
    this.#phase = 'open';
    this.#status.commit('reconnecting');
    this.#deps.reopen().then(
      () => {
        if (this.#phase === 'left') void this.#deps.removeChannel().catch(ignore);
        else if (this.#waiters.rejoin === rejoined) this.#subscribe();
      },
      (error: PresenceError) => this.#shutDown(error, ''),
    );
    return rejoined;
  }

  /** The server said why it will close the channel (reported with CHANNEL_SHUTDOWN). */
  noteShutdown(reason: string): void {
    this.#shutdownReason = reason;
  }

  /**
   * A presence frame was applied, inside its batch: a `presence_state` (`fullSync`) ends a
   * (re)join, and the first one of our join is the SNAPSHOT.
   */
  onSync(fullSync: boolean): void {
    if (fullSync) this.#status.confirmed();
    this.#waiters.frame(fullSync, this.#subscribed);
  }

  /** Leaves on purpose: announce (`pk:leave`) first, then remove the channel. */
  leave(): Promise<void> {
    if (this.#left) return this.#left;
    const failed = this.#phase === 'failed';
    // While we can still send (a shut-down channel cannot): others then see REMOTE_LEAVE.
    if (!failed) this.#deps.outbox.announceLeave();
    this.#phase = 'left';
    // A failed join already closed everything: nothing more to close or remove.
    if (failed) return (this.#left = Promise.resolve());
    this.#close('closed', null);
    const reason = `left ${this.#deps.channelName}`;
    this.#waiters.rejectAll(new PresenceError('OPERATION_FAILED', 'join', reason));
    this.#left = this.#deps.removeChannel().then(ignore, ignore);
    return this.#left;
  }

  #subscribe(): void {
    const channel = this.#deps.channel();
    this.#live = channel;
    this.#channelJoined = false;
    this.#waiters.joinSent();
    // A channel that closed, was refused or replaced is not ours any more (its removal reports
    // CLOSED, which must not read as a server shutdown).
    channel.subscribe((status, err) => {
      if (channel !== this.#live || this.#phase !== 'open') return;
      if (status === 'SUBSCRIBED') this.#onSubscribed();
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') this.#onDropped(status, err);
      else if (status === 'CLOSED') this.#onClosedByServer();
    });
  }

  #onSubscribed(): void {
    const { store, reconciler, outbox } = this.#deps;
    this.#subscribed = this.everSubscribed = this.#channelJoined = true;
    this.#status.back();
    this.#deps.batch(() => {
      store.setStatus('subscribed');
      reconciler.putLocal(outbox.connection());
      outbox.subscribed();
    });
    this.#waiters.subscribed();
    this.#deps.onStatusChange();
  }

  #onDropped(status: string, err?: Error): void {
    this.#subscribed = false;
    this.#deps.outbox.disconnected();
    if (!this.#channelJoined) return this.#onRefused(status, err);
    this.#status.lost('reconnecting');
    // supabase-js rejoins with the token it holds: make it current first (private channels).
    void this.#deps.prepareJoin();
  }

  /** The join (or a rejoin) itself failed: the channel goes, supabase-js must not retry it. */
  #onRefused(status: string, err?: Error): void {
    const code = status === 'TIMED_OUT' ? 'OPERATION_TIMEOUT' : 'OPERATION_FAILED';
    const message = err?.message ?? status;
    const reason = `join of ${this.#deps.channelName} failed: ${message}`;
    const error = new PresenceError(code, 'join', reason, { cause: err });
    if (this.everSubscribed) this.#shutDown(error, message);
    else this.#failJoin('error', error);
    void this.#deps.removeChannel().catch(ignore);
  }

  #onClosedByServer(): void {
    const reason = this.#shutdownReason ?? 'the server closed the channel';
    this.#shutdownReason = null;
    const message = `${this.#deps.channelName}: ${reason}`;
    const error = new PresenceError('CHANNEL_SHUTDOWN', 'channel', message);
    // Shut down before our first join completed: that join fails, nothing comes back.
    if (this.#waiters.joinPending) this.#failJoin(this.everSubscribed ? 'closed' : 'error', error);
    else this.#shutDown(error, reason);
  }

  #failJoin(status: 'closed' | 'error', error: PresenceError): void {
    this.#phase = 'failed';
    this.#close(status, error);
    this.#deps.report(error);
    this.#waiters.rejectAll(error);
  }

  /**
   * Closed by the server, or a rejoin was refused: `closed` with the error, everyone kept as last
   * seen (turning `stale` as on a drop), and a rejoin scheduled when the cause allows it.
   */
  #shutDown(error: PresenceError, reason: string): void {
    this.#phase = 'shutdown';
    this.#live = null;
    this.#subscribed = false;
    this.#deps.outbox.disconnected();
    this.#status.lost('closed', () => this.#deps.store.setError(error));
    this.#deps.report(error);
    this.#waiters.rejectRejoin(error);
    if (this.#deps.autoRejoin)
      this.#policy.schedule(reason, () => void this.rejoin().catch(ignore));
  }

  /** Stops everything and commits the final status (and the error that caused it). */
  #close(status: 'closed' | 'error', error: PresenceError | null): void {
    this.#subscribed = false;
    this.#live = null;
    this.#policy.cancel();
    this.#status.dispose();
    this.#status.commit(status, () => {
      if (error) this.#deps.store.setError(error);
      this.#deps.disposeParts();
    });
  }
}
