import type { ArgTypes, Decorator } from '@storybook/react-vite';
import { SimulatedRoom, type SimulatedRoomProps } from './SimulatedRoom.js';
import type { Script } from './Script.js';

/** The script fields a story exposes as controls (a subset of {@link Script}). */
export type ScriptArgs = Partial<Script>;

const SCRIPT_KEYS: readonly (keyof Script)[] = [
  'users',
  'crowd',
  'joinLeavePerMinute',
  'statusPerMinute',
  'awayPerMinute',
  'typingPerMinute',
  'seatMovesPerMinute',
  'speakingPerMinute',
];

type InputType = ArgTypes[string];

const rate = (description: string): InputType => ({
  description,
  control: { type: 'range', min: 0, max: 120, step: 1 },
  table: { category: 'Simulated users', type: { summary: 'number' } },
});

/** Controls for every script field; a story picks the ones it shows with `include`. */
export const scriptArgTypes: Partial<ArgTypes<Script>> = {
  users: {
    description: 'Scripted users in the room (each a real supabase-js client on the loopback)',
    control: { type: 'range', min: 0, max: 60, step: 1 },
    table: { category: 'Simulated users', type: { summary: 'number' } },
  },
  crowd: {
    description: 'Quiet extra occupants that only sit in the room',
    control: { type: 'range', min: 0, max: 2000, step: 50 },
    table: { category: 'Simulated users', type: { summary: 'number' } },
  },
  joinLeavePerMinute: rate('Joins plus leaves per minute'),
  statusPerMinute: rate('Status changes (available / busy) per minute'),
  awayPerMinute: rate('Users going away for a while, per minute'),
  typingPerMinute: rate('Typing bursts per minute'),
  seatMovesPerMinute: rate('Seat takes, moves and leaves per minute'),
  speakingPerMinute: rate('Talk spurts per minute by seated users'),
};

/** Splits a story's args into the simulation's script and the component's own props. */
export function splitArgs<A extends object>(
  args: A,
): { script: ScriptArgs; props: Omit<A, keyof Script> } {
  const script: Record<string, unknown> = {};
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if ((SCRIPT_KEYS as readonly string[]).includes(key)) script[key] = value;
    else props[key] = value;
  }
  return { script: script as ScriptArgs, props: props as Omit<A, keyof Script> };
}

/**
 * The decorator every presence story uses: the story renders inside a fresh loopback room with
 * the viewer and the script from its args, on a channel and registered under the story id.
 * A `seatCount` arg (and `hostId`) seats the scripted users too; `parameters.simulation` passes
 * any other {@link SimulatedRoomProps} (such as `typing: { onSent: sendChatLine }`).
 */
export const withSimulatedRoom: Decorator = (Story, context) => {
  const { seatCount, hostId } = context.args as { seatCount?: unknown; hostId?: unknown };
  // A story with seats (a `seatCount` arg) lets the scripted users sit in the same seats. Seat
  // options are fixed per room, so changing them opens a new room.
  const seats =
    typeof seatCount === 'number'
      ? { seatCount, ...(typeof hostId === 'string' ? { hostId } : {}) }
      : undefined;
  // Options that are not controls (how typing ends, say) come from `parameters.simulation`.
  const extra = (context.parameters['simulation'] ?? {}) as Partial<SimulatedRoomProps>;
  return (
    <SimulatedRoom
      // A channel per story: a seat claim survives a reload through sessionStorage, keyed by
      // channel and user, so a shared name would seat the viewer of one story in the next.
      room={context.id}
      {...extra}
      key={JSON.stringify(seats ?? null)}
      script={splitArgs(context.args).script}
      registryKey={context.id}
      {...(seats === undefined ? {} : { seats })}
    >
      <Story />
    </SimulatedRoom>
  );
};
