import { createPresenceContext } from 'presence-kit/react';

/**
 * Each user's temporary state in the demo room (Agora-style: at most 32 string pairs). `name`,
 * `status` and `mood` are the profile the panels show; the state editor adds any other key.
 */
export type DemoState = Record<string, string>;

/** The per-user key limit the engine enforces (shown in the state editor). */
export const MAX_STATE_KEYS = 32;

// The state type is bound once; every hook below knows `DemoState`.
export const {
  useConnectionStatus,
  useOccupant,
  useOthers,
  usePresence,
  usePresenceEvent,
  useRoom,
  useSelf,
  useUserState,
  useWhoNow,
  useWhereNow,
  useBroadcast,
  useSendBroadcast,
} = createPresenceContext<DemoState>();
