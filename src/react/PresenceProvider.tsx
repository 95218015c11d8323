import type { SupabaseClient } from '@supabase/supabase-js';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ChannelType, Presence, PresenceOptions, UserState } from '../core/index.js';
import { emptyRoomStore } from './emptyRoomStore.js';
import type { PresenceSource } from './leaseRoom.js';
import { PresenceContext, type PresenceContextValue } from './PresenceContext.js';
import { RoomBinding } from './RoomBinding.js';
import { useLatestCallback } from './useLatestCallback.js';

interface RoomProps<S extends UserState> {
  /** The channel (room) to join. Changing it leaves the old room and joins the new one. */
  channel: string;
  /** Own state to announce with the join. Read once per join. */
  initialState?: Partial<S>;
  /** Agora channel type echoed in events. @default 'MESSAGE' */
  channelType?: ChannelType;
  children?: ReactNode;
}

/** The provider creates (and on unmount destroys) a presence for this client and user. */
interface ClientProps {
  /** A supabase-js client: hosted Supabase, MemFire, the local server or `createLoopbackClient()`. */
  client: SupabaseClient;
  /** Our user id; also the presence key unless `options.presenceKey` says otherwise. */
  userId: string;
  /** Engine options, read when the presence is created. */
  options?: PresenceOptions;
  presence?: never;
}

/** The provider joins and leaves `channel` on a presence you created and destroy yourself. */
interface OwnedPresenceProps<S extends UserState> {
  /** From `createPresence(...)`. */
  presence: Presence<S>;
  client?: never;
  userId?: never;
  options?: never;
}

/**
 * Props of `<PresenceProvider>`: a `channel`, plus either `client` and `userId` (the provider owns
 * a presence) or `presence` (you own it).
 */
export type PresenceProviderProps<S extends UserState = UserState> = RoomProps<S> &
  (ClientProps | OwnedPresenceProps<S>);

/**
 * Joins one presence room for the hooks below it. StrictMode-safe (one channel and one join however
 * often effects re-run), SSR-safe (nothing connects on the server; hooks read an empty room), and
 * on unmount it leaves the room, and destroys the presence if it created it.
 *
 * @example
 * <PresenceProvider client={supabase} userId={user.id} channel="room:lobby" initialState={{ status: 'available' }}>
 *   <WhoIsHere />
 * </PresenceProvider>
 */
export function PresenceProvider<S extends UserState = UserState>(
  props: PresenceProviderProps<S>,
): ReactNode {
  const { channel, presence: givenPresence, client, userId, children } = props;
  const [binding] = useState(() => new RoomBinding<S>());
  const { presence, room, error } = useSyncExternalStore(
    binding.subscribe,
    binding.getSnapshot,
    binding.getSnapshot,
  );

  // Options and initial state are read at connect time and do not reconnect on their own.
  const readConfig = useLatestCallback(() => ({
    options: props.options,
    joinOptions: {
      ...(props.initialState === undefined ? {} : { initialState: props.initialState }),
      ...(props.channelType === undefined ? {} : { channelType: props.channelType }),
    },
  }));
  useEffect(() => {
    const { options, joinOptions } = readConfig();
    const source: PresenceSource<S> | null =
      givenPresence !== undefined
        ? { presence: givenPresence }
        : client !== undefined && userId !== undefined
          ? { client, userId, options }
          : null;
    if (source === null) return undefined;
    return binding.connect(source, channel, joinOptions);
  }, [binding, channel, givenPresence, client, userId, readConfig]);

  const selfId = givenPresence?.userId ?? userId ?? '';
  const emptyStore = useMemo(
    () => emptyRoomStore<S>(channel, selfId, error),
    [channel, selfId, error],
  );
  const value = useMemo<PresenceContextValue<S>>(
    () => ({
      channelName: channel,
      selfId,
      presence,
      room,
      store: room?.store ?? emptyStore,
      binding,
    }),
    [channel, selfId, presence, room, emptyStore, binding],
  );
  return (
    <PresenceContext.Provider value={value as unknown as PresenceContextValue}>
      {children}
    </PresenceContext.Provider>
  );
}
