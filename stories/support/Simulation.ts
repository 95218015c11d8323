import type { Activity, SimulationContext } from './Activity.js';
import { BASIC_ACTIVITIES } from './basicActivities.js';
import { botProfile } from './botProfiles.js';
import { createRandom, type Random } from './random.js';
import { normalizeScript, QUIET_SCRIPT, type Script } from './Script.js';
import { SimulatedUser, type ClientFactory, type ErrorSink } from './SimulatedUser.js';
import { Timers } from './Timers.js';

/** Options of {@link Simulation}. */
export interface SimulationOptions {
  /** The room (channel) every simulated user joins. */
  room: string;
  /** A new supabase-js client per scripted user (loopback, the local server or hosted). */
  createClient: ClientFactory;
  /** A client per crowd user; clients that ignore the room keep a thousand cheap. @default createClient */
  createCrowdClient?: ClientFactory;
  /** The initial script; missing fields come from {@link QUIET_SCRIPT}. */
  script?: Partial<Script>;
  /** Seeds the randomness, so a story plays out the same way every time. @default 1 */
  seed?: number;
  /**
   * Activities besides join/leave, status and away (typing, seats). Pass fresh ones per
   * simulation: they may hold state until `stop()`.
   */
  activities?: readonly Activity[];
  /** How often rates are sampled. @default 500 */
  tickMs?: number;
  /** Where rejected calls go. @default console.warn */
  onError?: ErrorSink;
  /**
   * Tells this simulation's user ids apart from another's in the same room (`sim-<idPrefix>-0001`),
   * so two playground tabs running bots do not claim the same users. @default none: `sim-0001`
   */
  idPrefix?: string;
}

// Crowd users join in slices, so the page stays responsive while a thousand arrive.
const CROWD_SLICE = 100;

/**
 * Scripted users in one room, framework-free and transport-agnostic: give it a supabase-js client
 * factory and a {@link Script}; `start()` brings everyone in, `update()` follows the controls,
 * `stop()` ends every timer and client. Used by the stories and the playground's simulated users.
 */
export class Simulation {
  private script: Script;
  private readonly random: Random;
  private readonly timers = new Timers();
  private readonly scripted: SimulatedUser[] = [];
  private readonly crowd: SimulatedUser[] = [];
  private readonly activities: readonly Activity[];
  private readonly onError: ErrorSink;
  private readonly ctx: SimulationContext;
  private syncing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: SimulationOptions) {
    this.script = normalizeScript({ ...QUIET_SCRIPT, ...options.script });
    this.random = createRandom(options.seed ?? 1);
    this.activities = [...BASIC_ACTIVITIES, ...(options.activities ?? [])];
    const report = options.onError ?? ((error) => console.warn('[simulation]', error));
    // Calls still in flight when the simulation stops fail by design: nothing to report then.
    this.onError = (error) => {
      if (!this.stopped) report(error);
    };
    this.ctx = {
      random: this.random,
      timers: this.timers,
      report: (error) => this.onError(error),
      present: () => this.scripted.filter((u) => u.here),
      absent: () => this.scripted.slice(0, this.script.users).filter((u) => !u.here),
    };
  }

  /** Brings the script's users and crowd in and starts the clock; resolves once they have joined. */
  async start(): Promise<void> {
    this.timers.every(this.options.tickMs ?? 500, () => this.tick());
    await this.sync();
  }

  /** Applies changed controls: more or fewer users, other rates. */
  update(patch: Partial<Script>): Promise<void> {
    this.script = normalizeScript({ ...this.script, ...patch });
    return this.sync();
  }

  /** Scripted users in the room now (the crowd is not listed). */
  present(): readonly SimulatedUser[] {
    return this.ctx.present();
  }

  /** The scripted user at `index` (created on demand), for stories that steer one by hand. */
  user(index: number): SimulatedUser {
    this.grow(this.scripted, index + 1, (i) => this.makeUser(i, 'sim'));
    return this.scripted[index] as SimulatedUser;
  }

  /** Stops every timer, then ends every user's client. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.stop();
    for (const activity of this.activities) activity.stop?.();
    const everyone = [...this.scripted, ...this.crowd];
    this.scripted.length = 0;
    this.crowd.length = 0;
    await Promise.all(everyone.map((u) => u.destroy()));
  }

  private tick(): void {
    const minutes = (this.options.tickMs ?? 500) / 60_000;
    for (const activity of this.activities) {
      const n = this.random.count(activity.rate(this.script) * minutes);
      for (let i = 0; i < n; i += 1) activity.run(this.ctx);
    }
  }

  /** One membership pass at a time, so quick control changes never interleave joins. */
  private sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.syncNow()).catch(this.onError);
    return this.syncing;
  }

  private async syncNow(): Promise<void> {
    if (this.stopped) return;
    const { users, crowd } = this.script;
    this.grow(this.scripted, users, (i) => this.makeUser(i, 'sim'));
    const leaving = this.scripted.slice(users).filter((u) => u.here);
    const joining = this.scripted.slice(0, users).filter((u) => !u.here);
    await Promise.all([...leaving.map((u) => u.leave()), ...joining.map((u) => u.join())]);
    for (const extra of this.crowd.splice(crowd)) void extra.destroy();
    while (this.crowd.length < crowd && !this.stopped) {
      const from = this.crowd.length;
      this.grow(this.crowd, Math.min(crowd, from + CROWD_SLICE), (i) => this.makeUser(i, 'crowd'));
      await Promise.all(this.crowd.slice(from).map((u) => u.join()));
    }
  }

  private grow(list: SimulatedUser[], size: number, make: (index: number) => SimulatedUser): void {
    while (list.length < size) list.push(make(list.length));
  }

  private makeUser(index: number, kind: 'sim' | 'crowd'): SimulatedUser {
    const crowd = kind === 'crowd';
    // Crowd names continue after the scripted users' (Ada Holm, Bo Iqbal, …) and take the id colour.
    const { idPrefix } = this.options;
    const { userId, state } = botProfile(crowd ? index + 208 : index, {
      prefix: idPrefix === undefined ? kind : `${kind}-${idPrefix}`,
      color: !crowd,
    });
    const factory = crowd
      ? (this.options.createCrowdClient ?? this.options.createClient)
      : this.options.createClient;
    return new SimulatedUser(userId, state, this.options.room, factory, this.onError);
  }
}
