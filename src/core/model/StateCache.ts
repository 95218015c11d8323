import type { StateLimits } from '../facade/limits.js';
import { applyStatePatch } from './applyStatePatch.js';
import { PresenceError } from '../facade/PresenceError.js';
import type { FrozenState } from './stateObject.js';
import { EMPTY_STATE, removeKeys } from './stateObject.js';
import type { UserState } from '../types.js';

/**
 * State set before joining a channel. Agora caches it (for up to 100 channels, then
 * CACHED_TOO_MANY_STATES) and publishes it when the channel is joined.
 */
export class StateCache<S extends UserState> {
  readonly #states = new Map<string, FrozenState<S>>();
  readonly #limits: StateLimits;

  constructor(limits: StateLimits) {
    this.#limits = limits;
  }

  /** Merges `patch` into the cached state of `channelName` (same rules as `setState`). */
  set(channelName: string, patch: unknown): void {
    const base = this.#states.get(channelName) ?? (EMPTY_STATE as FrozenState<S>);
    const next = applyStatePatch(base, patch, this.#limits, 'setState');
    if (!this.#states.has(channelName) && this.#states.size >= this.#limits.maxCachedChannels) {
      const reason = `state is cached for ${this.#limits.maxCachedChannels} channels already`;
      throw new PresenceError('CACHED_TOO_MANY_STATES', 'setState', reason);
    }
    this.#states.set(channelName, next);
  }

  /** Removes keys (all when `keys` is undefined); NOT_CONNECTED when nothing is cached. */
  remove(channelName: string, keys: readonly string[] | undefined): void {
    const cached = this.#states.get(channelName);
    if (!cached)
      throw new PresenceError('NOT_CONNECTED', 'removeState', `not in channel ${channelName}`);
    this.#states.set(channelName, removeKeys<S>(cached, keys));
  }

  /** The cached state of `channelName`, if any. */
  peek(channelName: string): FrozenState<S> | undefined {
    return this.#states.get(channelName);
  }

  /** Forgets the cached state of one channel; returns whether there was one. */
  drop(channelName: string): boolean {
    return this.#states.delete(channelName);
  }

  /** Forgets everything. */
  clear(): void {
    this.#states.clear();
  }
}
