import type { Random } from './random.js';
import type { Script } from './Script.js';
import type { SimulatedUser } from './SimulatedUser.js';
import type { Timers } from './Timers.js';

/** What an activity sees of the running simulation. */
export interface SimulationContext {
  readonly random: Random;
  /** Timers that die with the simulation: use them for anything that happens later. */
  readonly timers: Timers;
  /** Reports an unexpected failure (the script carries on). */
  report(error: unknown): void;
  /** Scripted users in the room now. */
  present(): SimulatedUser[];
  /** Scripted users who belong to the room (index below `script.users`) but are out of it. */
  absent(): SimulatedUser[];
}

/**
 * One kind of thing simulated users do. Each tick the simulation draws how many events of each
 * activity happen (from `rate`) and runs them. Typing and seats are activities too, added by the
 * modules that know the kit's typing and seat models.
 */
export interface Activity {
  /** For logs and tests. */
  readonly name: string;
  /** Events per minute, room-wide, under `script`. */
  rate(script: Script): number;
  /** Runs one event (fire and forget: the user's calls report their own errors). */
  run(ctx: SimulationContext): void;
  /** Ends whatever the activity keeps beyond the context's timers (models, subscriptions). */
  stop?(): void;
}
