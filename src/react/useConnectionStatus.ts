import { useCallback } from 'react';
import type { ConnectionStatus, RoomState, UserState } from '../core/index.js';
import { useRoomSelector } from './useRoomSelector.js';
import type { EqualityFn } from './EqualityFn.js';

/**
 * Our own subscription status: `idle` (server render, not joined yet), `connecting`, `subscribed`,
 * `reconnecting`, `closed` or `error` (details in `usePresence((room) => room.lastError)`).
 *
 * @example
 * const status = useConnectionStatus();
 * const online = useConnectionStatus((status) => status === 'subscribed');
 */
export function useConnectionStatus(): ConnectionStatus;
export function useConnectionStatus<T>(
  selector: (status: ConnectionStatus) => T,
  isEqual?: EqualityFn<T>,
): T;
export function useConnectionStatus<T>(
  selector?: (status: ConnectionStatus) => T,
  isEqual?: EqualityFn<T>,
): T | ConnectionStatus {
  const select = useCallback(
    (state: RoomState<UserState>) =>
      selector === undefined ? state.status : selector(state.status),
    [selector],
  );
  return useRoomSelector(select, isEqual as EqualityFn<T | ConnectionStatus>);
}
