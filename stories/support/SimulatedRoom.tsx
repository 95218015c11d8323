import { PresenceProvider } from 'presence-kit/react';
import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useState,
  type ReactNode,
} from 'react';
import type { Activity } from './Activity.js';
import type { BotState } from './botProfiles.js';
import { createLoopbackWorld, type LoopbackWorld } from './createLoopbackWorld.js';
import { publishRoom, unpublishRoom } from './roomRegistry.js';
import type { Script } from './Script.js';
import { createSeatActivities, type SeatScriptOptions } from './seatActivity.js';
import { Simulation } from './Simulation.js';
import { createTypingActivity, type TypingScriptOptions } from './typingActivity.js';

/** What a story (or its play function) can reach of its simulated room. */
export interface SimulatedRoomHandle {
  readonly world: LoopbackWorld;
  readonly simulation: Simulation;
  /** The channel: the `room` prop with this mount's number appended. */
  readonly room: string;
  /** The viewer's user id. */
  readonly viewerId: string;
}

/** Props of {@link SimulatedRoom}. */
export interface SimulatedRoomProps {
  /** What the simulated users do; changes apply to the running room. */
  script: Partial<Script>;
  /** Seeds the script's randomness. @default 1 */
  seed?: number;
  /** The channel's name; each mount appends a number of its own. @default 'story-room' */
  room?: string;
  /** The viewer (the story's local user). @default {@link VIEWER} */
  viewer?: { userId: string; state: BotState };
  /** How typing bursts end (for example in a chat line). Read on mount. */
  typing?: TypingScriptOptions;
  /** Lets scripted users take seats and speak, in a room with this many seats. Read on mount. */
  seats?: SeatScriptOptions;
  /** More activities beyond the built-in ones (join/leave, status, away, typing). Called on mount. */
  activities?: () => readonly Activity[];
  /** Registers the room under this key for play functions (see `roomRegistry`). */
  registryKey?: string;
  children?: ReactNode;
}

/** The story's local user: initials on a colour, no image. */
export const VIEWER = Object.freeze({
  userId: 'viewer',
  state: Object.freeze({ name: 'Robin Viewer', color: '#1d4ed8', status: 'available' }),
});

/** Rooms opened in this page so far: each mount's channel gets its own number. */
let mounts = 0;

const RoomContext = createContext<SimulatedRoomHandle | null>(null);

// Rooms still open when the page goes away (a story file's page is dropped without unmounting
// its last story) stop here first: registered before any presence exists, this capturing
// listener runs before the engine's own, so no in-page user sends a goodbye on a closing socket.
const liveRooms = new Set<() => void>();
if (typeof window !== 'undefined') {
  for (const event of ['beforeunload', 'pagehide'])
    window.addEventListener(event, () => liveRooms.forEach((stop) => stop()), { capture: true });
}

/** The enclosing simulated room, for story controls such as "drop the connection". */
export function useSimulatedRoom(): SimulatedRoomHandle {
  const handle = useContext(RoomContext);
  if (handle === null) throw new Error('useSimulatedRoom: no <SimulatedRoom> above');
  return handle;
}

/**
 * A loopback room with the viewer and scripted users, built on mount and torn down (every timer,
 * every client, the hub) on unmount. Children render inside the viewer's `PresenceProvider`.
 */
export function SimulatedRoom(props: SimulatedRoomProps): ReactNode {
  const { script, seed = 1, room = 'story-room', viewer = VIEWER, registryKey } = props;
  const [handle, setHandle] = useState<SimulatedRoomHandle | null>(null);

  // Built in an effect, not during render, so StrictMode's second pass gets a room of its own and
  // the first one is torn down. The script and activities in force at mount seed it.
  const [initial] = useState(() => ({
    script,
    activities: () => [
      createTypingActivity(props.typing),
      ...(props.seats === undefined ? [] : createSeatActivities(props.seats)),
      ...(props.activities?.() ?? []),
    ],
  }));
  // A layout effect: its state update renders the room within the same commit, before Storybook
  // reports the story rendered. With a passive effect a built Storybook (no act()) starts the
  // play function while the canvas still says "Opening the room…", and its first query fails.
  useLayoutEffect(() => {
    const world = createLoopbackWorld();
    // A fresh channel name per mount: each mount is a new in-page server, so nothing an earlier
    // mount left in sessionStorage (the viewer's seat claim, a host's locks) may carry over into
    // it; otherwise a story run twice in one tab (a rerun, a reload) starts from the first run's
    // end state.
    mounts += 1;
    const channel = `${room}-${mounts}`;
    const simulation = new Simulation({
      room: channel,
      seed,
      script: initial.script,
      activities: initial.activities(),
      createClient: world.createClient,
      createCrowdClient: world.createCrowdClient,
    });
    const next: SimulatedRoomHandle = {
      world,
      simulation,
      room: channel,
      viewerId: viewer.userId,
    };
    // The room is an external resource made per mount (so StrictMode's second mount gets its
    // own); its handle has to reach the render that follows.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHandle(next);
    if (registryKey !== undefined) publishRoom(registryKey, next);
    void simulation.start();
    const stop = () => {
      liveRooms.delete(stop);
      void simulation.stop().then(() => world.close());
    };
    liveRooms.add(stop);
    return () => {
      if (registryKey !== undefined) unpublishRoom(registryKey, next);
      setHandle(null);
      stop();
    };
  }, [room, seed, viewer.userId, registryKey, initial]);

  // Controls hand over a new object on every render: follow the values, not the identity.
  const scriptKey = JSON.stringify(script);
  useEffect(() => {
    void handle?.simulation.update(JSON.parse(scriptKey) as Partial<Script>);
  }, [handle, scriptKey]);

  if (handle === null) return <p>Opening the room…</p>;
  return (
    <RoomContext.Provider value={handle}>
      <PresenceProvider
        client={handle.world.client}
        userId={viewer.userId}
        channel={handle.room}
        initialState={viewer.state}
      >
        {props.children}
      </PresenceProvider>
    </RoomContext.Provider>
  );
}
