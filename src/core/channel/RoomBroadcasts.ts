import type { RealtimeChannel } from '@supabase/supabase-js';
import { PresenceError } from '../facade/PresenceError.js';
import { isPlainObject } from '../model/validateState.js';
import { PK_EVENTS, PK_PREFIX } from '../outbound/wire.js';
import type { AppListeners } from '../queries/AppListeners.js';
import { checkAppEvent } from '../queries/AppListeners.js';

/** What {@link RoomBroadcasts} needs from its room. */
export interface RoomBroadcastDeps {
  readonly channelName: string;
  /** The current channel (a rejoin replaces it). */
  channel(): RealtimeChannel;
  /** Whether a push would go out on the open socket (never through supabase-js's REST fallback). */
  canSend(): boolean;
  readonly listeners: AppListeners;
  /** The room's one batch: a `pk:` message is one commit. */
  batch(write: () => void): void;
  /** Where the kit's own messages go, still unvalidated. */
  readonly reconciler: { stateMessage(raw: unknown): void; leaveNotice(raw: unknown): void };
}

/**
 * A room's Broadcast traffic, both ways: the kit's `pk:` messages go to the reconciler as one
 * batch each, everything else to the app's listeners; the app's own sends are checked first
 * (no `pk:` names, plain-object payloads, an open socket).
 */
export class RoomBroadcasts {
  readonly #deps: RoomBroadcastDeps;

  constructor(deps: RoomBroadcastDeps) {
    this.#deps = deps;
  }

  /** One incoming broadcast, from the channel binding. */
  deliver(event: string, payload: unknown): void {
    const { listeners, batch, reconciler } = this.#deps;
    if (!event.startsWith(PK_PREFIX)) {
      listeners.emitBroadcast(event, payload);
      return;
    }
    batch(() => {
      if (event === PK_EVENTS.state) reconciler.stateMessage(payload);
      else if (event === PK_EVENTS.leave) reconciler.leaveNotice(payload);
    });
  }

  /** The app's `sendBroadcast`; rejects with `PresenceError` only. */
  async send(event: string, payload: Record<string, unknown>): Promise<void> {
    checkAppEvent(event, 'sendBroadcast');
    if (!isPlainObject(payload)) {
      const reason = 'payload must be a plain object';
      throw new PresenceError('INVALID_ARGUMENT', 'sendBroadcast', reason);
    }
    if (!this.#deps.canSend()) {
      const reason = `channel ${this.#deps.channelName} is not subscribed`;
      throw new PresenceError('NOT_CONNECTED', 'sendBroadcast', reason);
    }
    const result = await this.#deps.channel().send({ type: 'broadcast', event, payload });
    if (result === 'ok') return;
    const code = result === 'timed out' ? 'OPERATION_TIMEOUT' : 'OPERATION_FAILED';
    throw new PresenceError(code, 'sendBroadcast', `broadcast ${String(result)}`);
  }
}
