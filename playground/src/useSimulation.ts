import { useEffect, useRef, useState } from 'react';
import { createCursorActivity } from '../../stories/support/cursorActivity.js';
import { createSeatActivities } from '../../stories/support/seatActivity.js';
import type { Script } from '../../stories/support/Script.js';
import { Simulation } from '../../stories/support/Simulation.js';
import { createTypingActivity } from '../../stories/support/typingActivity.js';
import type { Connection } from './connect.js';
import { SEAT_COUNT } from './VoicePanel.js';

/**
 * This tab's mark in its simulated users' ids: bots started from two tabs are different users
 * (`sim-k3f9-0001` and `sim-x07b-0001`), not one user claimed twice.
 */
const TAB_MARK = Math.random().toString(36).slice(2, 6);

/** At most this many simulated users from one tab (each is a real client with its own socket). */
export const MAX_BOTS = 24;

/** A busy but readable room: per-minute rates across all simulated users. */
const SCRIPT: Omit<Script, 'users' | 'crowd'> = {
  joinLeavePerMinute: 3,
  statusPerMinute: 6,
  awayPerMinute: 2,
  typingPerMinute: 12,
  seatMovesPerMinute: 10,
  speakingPerMinute: 24,
};

/** What {@link useSimulation} returns. */
export interface SimulationControls {
  /** How many simulated users this tab runs. */
  count: number;
  /** Sets that number (0 … MAX_BOTS): extra users leave gracefully, new ones join. */
  setCount(count: number): void;
}

/**
 * Simulated users for this tab (the Storybook harness's `Simulation`): real supabase-js clients on
 * the same server that join, type, take seats, speak, change status and leave. Made on first use,
 * with the host of the moment for their seat model; stopped when the page unmounts.
 */
export function useSimulation(
  connection: Connection,
  room: string,
  hostId: string | undefined,
): SimulationControls {
  const [count, setCountState] = useState(0);
  const simulation = useRef<Simulation | null>(null);
  useEffect(
    () => () => {
      void simulation.current?.stop();
      simulation.current = null;
    },
    [],
  );
  const setCount = (next: number) => {
    const users = Math.min(Math.max(Math.round(next), 0), MAX_BOTS);
    setCountState(users);
    if (simulation.current === null) {
      if (users === 0) return;
      const seats =
        hostId === undefined ? { seatCount: SEAT_COUNT } : { seatCount: SEAT_COUNT, hostId };
      simulation.current = new Simulation({
        room,
        createClient: connection.createClient,
        script: { ...SCRIPT, users, crowd: 0 },
        seed: Date.now() % 100_000,
        activities: [
          createTypingActivity(),
          ...createSeatActivities(seats),
          createCursorActivity(),
        ],
        onError: (error) => console.warn('[simulated users]', error),
        idPrefix: TAB_MARK,
      });
      void simulation.current.start();
      return;
    }
    void simulation.current.update({ users });
  };
  return { count, setCount };
}
