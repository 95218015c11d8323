import { PresenceError } from '../facade/PresenceError.js';
import type { PresenceMeta } from '../outbound/wire.js';
import type { UserState } from '../types.js';
import type { LifecycleDeps } from './LifecycleDeps.js';

/**
 * What a room pushes on its current channel: only while the socket carries it, and a refused
 * `track` is reported, never thrown. `isUp`: the lifecycle has the channel subscribed and open.
 */
export class ChannelPushes<S extends UserState> {
  readonly #deps: Pick<LifecycleDeps<S>, 'channel' | 'channelName' | 'batch' | 'store' | 'report'>;
  readonly #isUp: () => boolean;

  constructor(
    deps: Pick<LifecycleDeps<S>, 'channel' | 'channelName' | 'batch' | 'store' | 'report'>,
    isUp: () => boolean,
  ) {
    this.#deps = deps;
    this.#isUp = isUp;
  }

  /**
   * True while pushes go over the socket. supabase-js sends a broadcast through its REST route
   * otherwise, and the channel still reads `joined` while its socket closes (phoenix disconnects
   * on `pagehide`), so the socket itself must be open too.
   */
  canSend(): boolean {
    const channel = this.#deps.channel();
    return this.#isUp() && channel.state === 'joined' && channel.socket.isConnected();
  }

  /** Sends a presence `track`; a refusal while still up is reported on the room. */
  track(meta: PresenceMeta): void {
    void this.#deps
      .channel()
      .track(meta)
      .then((result) => {
        if (result !== 'error' || !this.#isUp()) return;
        const reason = `presence track refused on ${this.#deps.channelName}`;
        const error = new PresenceError('OPERATION_FAILED', 'track', reason);
        this.#deps.batch(() => this.#deps.store.setError(error));
        this.#deps.report(error);
      });
  }
}
