import type { SupabaseClient } from '@supabase/supabase-js';
import type { DirectoryPlugin } from './DirectoryPlugin.js';
import type { IdentityPlugin } from './IdentityPlugin.js';
import type { StateLimits } from './limits.js';

/** Tuning of the presence engine; every field has a documented default. */
export interface PresenceOptions {
  /** Presence key; the user id unless you need another identity. @default userId */
  presenceKey?: string;
  /** Join channels as private (RLS-protected) channels. @default false */
  private?: boolean;
  /** A quick leave-and-return inside this window shows no leave/join. @default 2000 */
  debounceMs?: number;
  /** Above this occupancy REMOTE_* events are batched into INTERVAL events. @default 50 */
  intervalThreshold?: number;
  /** Period of INTERVAL events. @default 1000 */
  intervalMs?: number;
  /** Minimum gap between two state broadcasts. @default 100 */
  broadcastThrottleMs?: number;
  /** Presence `track` budget per channel join. @default { maxCalls: 4, windowMs: 30000 } */
  trackBudget?: { maxCalls: number; windowMs: number };
  /**
   * Opt-in directory channel that makes `whereNow` work for other users:
   * `whereNowDirectory()` from `presence-kit/directory` (nothing of it ships until imported).
   * Cost: every user of the app joins one shared presence channel, so everyone receives
   * everyone's joins and leaves (O(N²) presence traffic app-wide). Without it
   * `whereNow(otherUser)` answers only from the rooms we are in. @default false
   */
  directory?: DirectoryPlugin | false;
  /**
   * Added by the core: while our socket reconnects, others are marked `stale` only after this
   * long, so a typical 1 s blip re-renders nothing. `0` marks them at once. @default 3000
   */
  staleAfterMs?: number;
  /**
   * After a server shutdown, rejoin by itself when the cause passes: rate limits (with backoff,
   * 1 s doubling to 30 s, jittered) and token expiry (at once with a fresh token, up to 3 tries).
   * `false` leaves every shutdown to `room.rejoin()`. @default true
   */
  autoRejoin?: boolean;
  /** Added by the core: state size limits; Agora's by default (see `DEFAULT_STATE_LIMITS`). */
  limits?: Partial<StateLimits>;
  /**
   * Opt-in verified identity, occupants signed by a session your backend attested:
   * `verifiedIdentity({ publicKey, require, attest })` from `presence-kit/identity` (nothing of
   * it ships until imported).
   */
  identity?: IdentityPlugin;
}

/** The argument of `createPresence`: a supabase-js client, the signed-in user, options. */
export interface PresenceConfig extends PresenceOptions {
  /** The app's supabase-js client. */
  client: SupabaseClient;
  /** The signed-in user: our presence key unless `presenceKey` says otherwise. */
  userId: string;
}
