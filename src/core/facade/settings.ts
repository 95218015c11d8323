import type { DirectoryPlugin } from './DirectoryPlugin.js';
import type { IdentityPlugin, PresenceIdentity } from './IdentityPlugin.js';
import type { StateLimits } from './limits.js';
import { DEFAULT_STATE_LIMITS, PRESENCE_DEFAULTS } from './limits.js';
import { PresenceError } from './PresenceError.js';
import type { PresenceOptions } from './PresenceOptions.js';

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
  /** The whereNow directory to open, `null` when off. */
  directory: DirectoryPlugin | null;
  limits: StateLimits;
  /** Verified identity of this `createPresence`, `null` when off. */
  identity: PresenceIdentity | null;
}

function invalid(reason: string): PresenceError {
  return new PresenceError('INVALID_ARGUMENT', 'createPresence', reason);
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  const out = value ?? fallback;
  if (typeof out !== 'number' || !Number.isFinite(out) || out < 0) {
    throw invalid(`${name} must be a finite number >= 0`);
  }
  return out;
}

/** Whether `value` is an opt-in feature's plugin value, made by its own import. */
function isPlugin(value: unknown, feature: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const plugin = value as { feature?: unknown; open?: unknown };
  return plugin.feature === feature && typeof plugin.open === 'function';
}

// The old forms (`directory: true`, a plain identity object) throw: turning a feature on must
// not silently do nothing now that it ships only when its module is imported.
function directoryPlugin(directory: unknown): DirectoryPlugin | null {
  if (directory === undefined || directory === false) return null;
  if (isPlugin(directory, 'whereNowDirectory')) return directory as DirectoryPlugin;
  throw invalid(
    "directory takes whereNowDirectory() or whereNowDirectory({ channelName }): import { whereNowDirectory } from 'presence-kit/directory'",
  );
}

function identityOf(identity: unknown): PresenceIdentity | null {
  if (identity === undefined) return null;
  if (!isPlugin(identity, 'verifiedIdentity')) {
    throw invalid(
      "identity takes verifiedIdentity({ publicKey, require, attest }): import { verifiedIdentity } from 'presence-kit/identity'",
    );
  }
  const plugin = identity as IdentityPlugin;
  return plugin.open(plugin);
}

function budget(value: PresenceOptions['trackBudget']): PresenceSettings['trackBudget'] {
  const out = value ?? PRESENCE_DEFAULTS.trackBudget;
  if (!Number.isInteger(out.maxCalls) || out.maxCalls < 1 || !(out.windowMs > 0)) {
    throw invalid('trackBudget needs an integer maxCalls >= 1 and windowMs > 0');
  }
  return { maxCalls: out.maxCalls, windowMs: out.windowMs };
}

/** Resolves and validates options; throws `PresenceError` (`INVALID_ARGUMENT`). */
export function resolveSettings(userId: string, options: PresenceOptions): PresenceSettings {
  const presenceKey = options.presenceKey ?? userId;
  if (typeof presenceKey !== 'string' || presenceKey === '') {
    throw invalid('presenceKey must be a non-empty string');
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
    directory: directoryPlugin(options.directory),
    limits: { ...DEFAULT_STATE_LIMITS, ...options.limits },
    identity: identityOf(options.identity),
  };
}
