/**
 * Limits of the user-state model. Agora RTM's published limits are the defaults, so code written
 * from Agora's docs sees the same errors here; every limit can be tightened or relaxed per
 * `createPresence` call through `PresenceOptions.limits`.
 */

/** Size and count limits applied to local `setState` calls and to every remote payload. */
export interface StateLimits {
  /** Pairs per user per channel (Agora: 32). */
  readonly maxKeys: number;
  /** Characters per key (Agora: 64). */
  readonly maxKeyLength: number;
  /** Characters per value (Agora: 256). */
  readonly maxValueLength: number;
  /**
   * Characters of all keys and values together. The default equals `maxKeys × (maxKeyLength +
   * maxValueLength)`, so it never refuses a state the per-key limits allow; it caps remote garbage.
   */
  readonly maxTotalLength: number;
  /** Channels whose state may be cached before joining (Agora: 100). */
  readonly maxCachedChannels: number;
  /** Characters of a remote connection id. */
  readonly maxConnectionIdLength: number;
  /** Channels listed in one directory entry (Supabase: 100 channels per socket). */
  readonly maxDirectoryChannels: number;
  /** Characters of a channel name in a directory entry. */
  readonly maxChannelNameLength: number;
}

/** The default {@link StateLimits} (Agora RTM 2.x values). */
export const DEFAULT_STATE_LIMITS: StateLimits = Object.freeze({
  maxKeys: 32,
  maxKeyLength: 64,
  maxValueLength: 256,
  maxTotalLength: 32 * (64 + 256),
  maxCachedChannels: 100,
  maxConnectionIdLength: 64,
  maxDirectoryChannels: 100,
  maxChannelNameLength: 256,
});

/** Keys refused in any state object: they would reach `Object.prototype` through naive code. */
export const FORBIDDEN_STATE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Default timings and sizes of `PresenceOptions`. */
export const PRESENCE_DEFAULTS = Object.freeze({
  debounceMs: 2000,
  intervalThreshold: 50,
  intervalMs: 1000,
  broadcastThrottleMs: 100,
  /** One slot of Supabase's 5 calls per 30 s per join is kept free for leaving. */
  trackBudget: Object.freeze({ maxCalls: 4, windowMs: 30_000 }),
  staleAfterMs: 3000,
  joinTimeoutMs: 15_000,
  directoryChannel: 'pk-directory',
  pageSize: 50,
  maxPageSize: 1000,
});
