import type { ReactNode } from 'react';
import type {
  ConnectionStatus,
  Occupant,
  PresenceEvent,
  PresenceEventType,
  Room,
  RoomState,
  UserState,
  WhereNowResult,
  WhoNowOptions,
  WhoNowResult,
} from '../core/index.js';
import { PresenceProvider, type PresenceProviderProps } from './PresenceProvider.js';
import { useBroadcast } from './useBroadcast.js';
import { useConnectionStatus } from './useConnectionStatus.js';
import { useOccupant } from './useOccupant.js';
import { useOthers } from './useOthers.js';
import { useOtherUserIds } from './useOtherUserIds.js';
import { usePresence } from './usePresence.js';
import { usePresenceEvent } from './usePresenceEvent.js';
import { useRejoin } from './useRejoin.js';
import { useRoom } from './useRoom.js';
import { useSelf } from './useSelf.js';
import { useSelfId } from './useSelfId.js';
import { useSendBroadcast } from './useSendBroadcast.js';
import type { EqualityFn } from './EqualityFn.js';
import { useUserState } from './useUserState.js';
import { useUserStateActions, type UserStateActions } from './useUserStateActions.js';
import { useWhereNow, type WhereNowQuery } from './useWhereNow.js';
import { useWhoNow } from './useWhoNow.js';

type Selection<In, Out> = (value: In) => Out;

/** The provider and hooks with the user's state type `S` bound once. See each hook for details. */
export interface PresenceBindings<S extends UserState> {
  PresenceProvider: (props: PresenceProviderProps<S>) => ReactNode;
  usePresence: {
    (): RoomState<S>;
    <T>(selector: Selection<RoomState<S>, T>, isEqual?: EqualityFn<T>): T;
  };
  useSelf: {
    (): Occupant<S> | null;
    <T>(selector: Selection<Occupant<S>, T>, isEqual?: EqualityFn<T>): T | null;
  };
  useSelfId: typeof useSelfId;
  useOthers: {
    (): readonly Occupant<S>[];
    <T>(selector: Selection<readonly Occupant<S>[], T>, isEqual?: EqualityFn<T>): T;
  };
  useOtherUserIds: () => readonly string[];
  useOccupant: {
    (userId: string): Occupant<S> | undefined;
    <T>(
      userId: string,
      selector: Selection<Occupant<S>, T>,
      isEqual?: EqualityFn<T>,
    ): T | undefined;
  };
  useUserState: {
    (): [Readonly<Partial<S>>, UserStateActions<S>];
    <T>(
      selector: Selection<Readonly<Partial<S>>, T>,
      isEqual?: EqualityFn<T>,
    ): [T, UserStateActions<S>];
    (userId: string): Readonly<Partial<S>> | undefined;
    <T>(
      userId: string,
      selector: Selection<Readonly<Partial<S>>, T>,
      isEqual?: EqualityFn<T>,
    ): T | undefined;
  };
  useUserStateActions: () => UserStateActions<S>;
  useWhoNow: {
    (options?: WhoNowOptions): WhoNowResult<S>;
    <T>(
      options: WhoNowOptions | undefined,
      selector: Selection<WhoNowResult<S>, T>,
      isEqual?: EqualityFn<T>,
    ): T;
  };
  useWhereNow: {
    (userId: string): WhereNowQuery;
    <T>(
      userId: string,
      selector: Selection<WhereNowResult, T>,
      isEqual?: EqualityFn<WhereNowResult>,
    ): WhereNowQuery<T>;
  };
  usePresenceEvent: (
    type: PresenceEventType | '*',
    handler: (event: PresenceEvent<S>) => void,
  ) => void;
  useConnectionStatus: {
    (): ConnectionStatus;
    <T>(selector: Selection<ConnectionStatus, T>, isEqual?: EqualityFn<T>): T;
  };
  useBroadcast: typeof useBroadcast;
  useSendBroadcast: typeof useSendBroadcast;
  useRoom: () => Room<S> | null;
  useRejoin: typeof useRejoin;
}

/**
 * Binds your user-state type once (Liveblocks' `createRoomContext` pattern) and returns the
 * provider and hooks typed with it. They share one React context with the untyped exports.
 *
 * @example
 * type Status = { status: 'available' | 'busy'; mood: string };
 * export const { PresenceProvider, useUserState, useOthers, useOccupant } = createPresenceContext<Status>();
 */
export function createPresenceContext<S extends UserState = UserState>(): PresenceBindings<S> {
  return {
    PresenceProvider,
    usePresence,
    useSelf,
    useSelfId,
    useOthers,
    useOtherUserIds,
    useOccupant,
    useUserState,
    useUserStateActions,
    useWhoNow,
    useWhereNow,
    usePresenceEvent,
    useConnectionStatus,
    useBroadcast,
    useSendBroadcast,
    useRoom,
    useRejoin,
  };
}
