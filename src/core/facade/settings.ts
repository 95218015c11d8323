import type { StateLimits } from './limits.js';
import { DEFAULT_STATE_LIMITS, PRESENCE_DEFAULTS } from './limits.js';
import { PresenceError } from './PresenceError.js';
import { resolveIdentity } from '../identity/resolveIdentity.js';
import type { ResolvedIdentity } from '../identity/resolveIdentity.js';
import type { PresenceOptions } from '../types.js';

/** `PresenceOptions` with every default filled in and checked. */
export interface PresenceSettings {
  presenceKey: string;
  private: boolean;
  debounceMs: number;
  intervalThreshold: number;
  intervalMs: number;
  broadcastThrottleMs: number;
  trackBudget: { maxCalls: number; windowMs: number };
  staleAfterMs: number;
  autoRejoin: boolean;
  directory: string | null;
  limits: StateLimits;
  /** Verified identity, `null` when off. */
  identity: ResolvedIdentity | null;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  const out = value ?? fallback;
  if (typeof out !== 'number' || !Number.isFinite(out) || out < 0) {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      'createPresence',
      `${name} must be a finite number >= 0`,
    );
  }
  return out;
}

function directoryName(directory: PresenceOptions['directory']): string | null {
  if (directory === undefined || directory === false) return null;
  if (directory === true) return PRESENCE_DEFAULTS.directoryChannel;
  if (typeof directory.channelName !== 'string' || directory.channelName === '') {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      'createPresence',
      'directory.channelName must be a non-empty string',
    );
  }
  return directory.channelName;
}

function budget(value: PresenceOptions['trackBudget']): PresenceSettings['trackBudget'] {
  const out = value ?? PRESENCE_DEFAULTS.trackBudget;
  if (!Number.isInteger(out.maxCalls) || out.maxCalls < 1 || !(out.windowMs > 0)) {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      'createPresence',
      'trackBudget needs an integer maxCalls >= 1 and windowMs > 0',
    );
  }
  return { maxCalls: out.maxCalls, windowMs: out.windowMs };
}

/** Resolves and validates options; throws `PresenceError` (`INVALID_ARGUMENT`). */
export function resolveSettings(userId: string, options: PresenceOptions): PresenceSettings {
  const presenceKey = options.presenceKey ?? userId;
  if (typeof presenceKey !== 'string' || presenceKey === '') {
    throw new PresenceError(
      'INVALID_ARGUMENT',
      'createPresence',
      'presenceKey must be a non-empty string',
    );
  }
  return {
    presenceKey,
    private: options.private === true,
    debounceMs: nonNegative(options.debounceMs, PRESENCE_DEFAULTS.debounceMs, 'debounceMs'),
    intervalThreshold: nonNegative(
      options.intervalThreshold,
      PRESENCE_DEFAULTS.intervalThreshold,
      'intervalThreshold',
    ),
    intervalMs: nonNegative(options.intervalMs, PRESENCE_DEFAULTS.intervalMs, 'intervalMs'),
    broadcastThrottleMs: nonNegative(
      options.broadcastThrottleMs,
      PRESENCE_DEFAULTS.broadcastThrottleMs,
      'broadcastThrottleMs',
    ),
    trackBudget: budget(options.trackBudget),
    staleAfterMs: nonNegative(options.staleAfterMs, PRESENCE_DEFAULTS.staleAfterMs, 'staleAfterMs'),
    autoRejoin: options.autoRejoin !== false,
    directory: directoryName(options.directory),
    limits: { ...DEFAULT_STATE_LIMITS, ...options.limits },
    identity: resolveIdentity(options.identity),
  };
}
