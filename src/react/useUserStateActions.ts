import { useMemo } from 'react';
import type { UserState } from '../core/index.js';
import { usePresenceContext } from './PresenceContext.js';

/** Setters for our own state in this room. Stable for the provider's lifetime. */
export interface UserStateActions<S extends UserState = UserState> {
  /**
   * Merges `state` into ours (string values, at most 32 keys). Before the join it is cached and
   * sent with the join. Rejects with a `PresenceError` (`INVALID_STATE_VALUE`, ...).
   */
  setState(state: Partial<S>): Promise<void>;
  /** Removes the named keys, or every key when `states` is omitted. */
  removeState(options?: { states?: Array<keyof S & string> }): Promise<void>;
}

/**
 * Our own `setState` / `removeState` for the provider's room, without reading any state: the
 * component that only writes (a status picker, a cursor reporter) never re-renders on anyone's
 * change, ours included. The object is stable for the provider's lifetime; calls made before
 * the join are cached and sent with it. `useUserState()` returns the same setters beside our state.
 *
 * @example
 * const { setState } = useUserStateActions<{ status: string }>();
 * <button onClick={() => setState({ status: 'busy' })}>Busy</button>
 */
export function useUserStateActions<S extends UserState>(): UserStateActions<S> {
  const { binding, channelName } = usePresenceContext<S>();
  return useMemo<UserStateActions<S>>(() => {
    // Calls made before the provider's effect (a child's mount effect runs first) wait for it.
    const presence = () => binding.when((snapshot) => snapshot.presence);
    return {
      setState: (state) => presence().then((p) => p.setState(channelName, state)),
      removeState: (options) => presence().then((p) => p.removeState(channelName, options)),
    };
  }, [binding, channelName]);
}
