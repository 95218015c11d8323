import type { ArgTypes } from '@storybook/react-vite';
import { scriptArgTypes } from './simulationArgs.js';

/**
 * The seat options MicSeats' part stories give both the part and the story room (whose
 * decorator seats the scripted users from the same `seatCount` and `hostId` args).
 */
export const PART_SEATS = { seatCount: 4, hostId: 'viewer' } as const;

/**
 * What every part story's controls share: the room's scripted users (described, like in the
 * component stories) and the part's resolved labels, shown but not edited (an object of
 * functions has no control).
 */
export const PART_ARG_TYPES: Partial<ArgTypes> = {
  users: { ...scriptArgTypes.users },
  labels: { control: false },
};
