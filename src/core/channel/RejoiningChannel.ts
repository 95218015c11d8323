import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { PresenceError } from '../facade/PresenceError.js';
import { onShutdownNotice } from './bindChannel.js';
import { RejoinPolicy } from './RejoinPolicy.js';
import { RoomChannel } from './RoomChannel.js';

const ignore = (): void => {};

/** What a {@link RejoiningChannel} tells its user. */
export interface RejoiningChannelEvents {
  /** Registers listeners on a channel: the first one and each fresh one after a shutdown. */
  bind(channel: RealtimeChannel): void;
  /** The current channel got SUBSCRIBED. */
  joined(): void;
  /**
   * The channel dropped, was shut down or its join refused: what it showed is stale until the
   * next `joined`. `fresh`: a new channel comes (nothing carries over from the old one).
   */
  down(fresh: boolean): void;
  report(error: PresenceError): void;
}

/**
 * A presence channel that comes back by itself, for parts that are not rooms (the whereNow
 * directory): a drop is left to supabase-js (token made current first), and a shutdown or a
 * refused join is retried on a fresh channel when the {@link RejoinPolicy} allows it, as rooms
 * do (backoff with jitter for rate limits, a fresh token from the client's `accessToken`).
 * Throws `PresenceError` when the topic is already in use on the client.
 */
export class RejoiningChannel {
  readonly #line: RoomChannel;
  readonly #policy = new RejoinPolicy();
  /** The channel whose statuses we follow; `null` once it is closed, refused or disposed. */
  #live: RealtimeChannel | null = null;
  #joined = false;
  #shutdownReason: string | null = null;
  #disposed = false;
  readonly #channelName: string;
  readonly #events: RejoiningChannelEvents;

  constructor(
    client: SupabaseClient,
    channelName: string,
    settings: { presenceKey: string; private: boolean },
    events: RejoiningChannelEvents,
  ) {
    this.#channelName = channelName;
    this.#events = events;
    this.#line = new RoomChannel(client, channelName, settings);
    this.#line.bind((channel) => {
      onShutdownNotice(channel, (reason) => (this.#shutdownReason = reason));
      events.bind(channel);
    });
    const wait = this.#line.prepareJoin();
    if (wait === null) this.#subscribe();
    else void wait.then(() => !this.#disposed && this.#subscribe());
  }

  /** The current channel. */
  get channel(): RealtimeChannel {
    return this.#line.current;
  }

  /** Leaves for good: no rejoin after this. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#live = null;
    this.#policy.cancel();
    await this.#line.remove().catch(ignore);
  }

  #subscribe(): void {
    const channel = this.#line.current;
    this.#live = channel;
    this.#joined = false;
    // Our own removal reports CLOSED too: only the live channel's statuses count.
    channel.subscribe((status, err) => {
      if (channel !== this.#live) return;
      if (status === 'SUBSCRIBED') {
        this.#joined = true;
        this.#events.joined();
      } else if (status === 'CLOSED') {
        this.#shutDown('CHANNEL_SHUTDOWN', this.#shutdownReason ?? 'the server closed the channel');
      } else if (!this.#joined) {
        this.#shutDown('OPERATION_FAILED', `join failed: ${err?.message ?? status}`);
      } else {
        this.#events.down(false);
        // supabase-js rejoins with the token it holds: make it current first (private channels).
        void this.#line.prepareJoin();
      }
    });
  }

  /** Closed by the server or refused: the channel goes, and comes back if the cause passes. */
  #shutDown(code: 'CHANNEL_SHUTDOWN' | 'OPERATION_FAILED', reason: string): void {
    this.#live = null;
    this.#shutdownReason = null;
    this.#events.down(true);
    this.#events.report(new PresenceError(code, 'channel', `${this.#channelName}: ${reason}`));
    // A refused join must not be retried by supabase-js with the same token.
    void this.#line.remove().catch(ignore);
    this.#policy.schedule(reason, () => this.#reopen());
  }

  #reopen(): void {
    this.#line.reopen().then(
      () => (this.#disposed ? void this.#line.remove().catch(ignore) : this.#subscribe()),
      (error: PresenceError) => this.#events.report(error),
    );
  }
}
