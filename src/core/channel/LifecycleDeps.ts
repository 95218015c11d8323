import type { RealtimeChannel } from '@supabase/supabase-js';
import type { PresenceError } from '../facade/PresenceError.js';
import type { ConnectionReconciler } from '../inbound/ConnectionReconciler.js';
import type { BatchedStore } from '../model/BatchedStore.js';
import type { Outbox } from '../outbound/Outbox.js';
import type { UserState } from '../types.js';

/** What the lifecycle needs from its room: each part by the few calls it makes on it. */
export interface LifecycleDeps<S extends UserState> {
  channelName: string;
  /** The room's current channel (a rejoin after a shutdown opens a new one). */
  channel(): Pick<RealtimeChannel, 'subscribe' | 'track' | 'state' | 'socket'>;
  /** What to wait for before a join (a private channel's token), `null` for nothing. */
  prepareJoin(): Promise<void> | null;
  /** Replaces the closed channel with a fresh, bound one, its token made current (rejects with a
   * `PresenceError`). */
  reopen(): Promise<void>;
  /** Removes the current channel from its supabase-js client. */
  removeChannel(): Promise<unknown>;
  staleAfterMs: number;
  /** Rejoin by itself after a shutdown whose cause passes (see `RejoinPolicy`). */
  autoRejoin: boolean;
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
