import { createPresenceContext } from 'presence-kit/react';

/** Each user's temporary state in the demo room (Agora-style: string values only). */
export type DemoState = {
  name: string;
  status: 'available' | 'busy';
  mood: string;
};

export const MOODS = ['🙂', '🎧', '☕️', '🤔', '🔥', '😴'] as const;

// The state type is bound once; every hook below knows `DemoState`.
export const {
  PresenceProvider,
  useConnectionStatus,
  useOccupant,
  useOthers,
  usePresence,
  usePresenceEvent,
  useSelf,
  useUserState,
  useWhoNow,
  useBroadcast,
  useSendBroadcast,
} = createPresenceContext<DemoState>();
