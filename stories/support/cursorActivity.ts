import { createCursors, type CursorsModel, type Room } from 'presence-kit';
import type { Activity, SimulationContext } from './Activity.js';
import type { BotState } from './botProfiles.js';
import type { SimulatedUser } from './SimulatedUser.js';

/** How often a simulated hand reports a move (a pointer's 60 Hz, thinned). */
const MOVE_MS = 50;

// Each user's cursor model, for the room it is in: a rejoin is a new room, and a new model.
const models = new WeakMap<SimulatedUser, { room: Room<BotState>; model: CursorsModel }>();

/**
 * A simulated user's cursor model (the kit's own `createCursors`) for the room it is in, made on
 * first use; `undefined` while it is not in the room. Play functions drive cursors with it.
 */
export function cursorsOf(user: SimulatedUser): CursorsModel | undefined {
  const room = user.room();
  const held = models.get(user);
  if (held !== undefined && held.room !== room) {
    held.model.destroy();
    models.delete(user);
  }
  if (room === undefined) return undefined;
  const model = models.get(user)?.model ?? createCursors(room);
  models.set(user, { room, model });
  return model;
}

/** Options of {@link createCursorActivity}. */
export interface CursorActivityOptions {
  /** Glides started per minute, room-wide. @default 40 */
  perMinute?: number;
}

/**
 * Cursor glides through the kit's cursor model: a present user drifts their pointer from where
 * it is to a random spot over 1–4 s (a move every 50 ms; the model thins them to the room's
 * pace), then leaves it there or, one time in three, takes it off the surface. Broadcast only.
 */
export function createCursorActivity(options: CursorActivityOptions = {}): Activity {
  const { perMinute = 40 } = options;
  const gliding = new Set<SimulatedUser>();
  const moved = new Set<SimulatedUser>();
  const at = new Map<SimulatedUser, { x: number; y: number }>();
  return {
    name: 'cursors',
    rate: () => perMinute,
    run(ctx) {
      const idle = ctx.present().filter((u) => !gliding.has(u));
      if (idle.length === 0) return;
      const user = ctx.random.pick(idle);
      const model = cursorsOf(user);
      if (model === undefined) return;
      gliding.add(user);
      moved.add(user);
      const from = at.get(user) ?? { x: ctx.random.next(), y: ctx.random.next() };
      const to = { x: ctx.random.next(), y: ctx.random.next() };
      glide(ctx, user, model, from, to, () => {
        gliding.delete(user);
        at.set(user, to);
      });
    },
    stop: () => {
      for (const user of moved) models.get(user)?.model.destroy();
      for (const user of moved) models.delete(user);
      moved.clear();
      gliding.clear();
    },
  };
}

function glide(
  ctx: SimulationContext,
  user: SimulatedUser,
  model: CursorsModel,
  from: { x: number; y: number },
  to: { x: number; y: number },
  done: () => void,
): void {
  const steps = Math.round(ctx.random.int(1000, 4000) / MOVE_MS);
  let step = 0;
  const stopMoves = ctx.timers.every(MOVE_MS, () => {
    step += 1;
    // Ease in and out, as a hand does.
    const t = step / steps;
    const k = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    if (user.here) model.move({ x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k });
    if (step < steps) return;
    stopMoves();
    if (user.here && ctx.random.chance(1 / 3)) model.move(null);
    done();
  });
}
