import { createTyping, type TypingModel } from 'presence-kit';
import type { Activity, SimulationContext } from './Activity.js';
import type { SimulatedUser } from './SimulatedUser.js';

// Three in ten bursts are abandoned (no `stop()`): receivers then drop the typer on their own
// after the timeout, which is the other path the indicator has to get right.
const ABANDON_CHANCE = 0.3;
// Long enough for every receiver's 5 s expiry before the abandoned model is destroyed.
const ABANDONED_LINGER_MS = 6000;

/**
 * Typing bursts through the kit's own typing model (`createTyping`), one per user at a time:
 * keystrokes every 150–400 ms for 2–6 s, then `stop()` as if sent, or silence. Broadcast only.
 */
export function createTypingActivity(): Activity {
  const live = new Map<SimulatedUser, TypingModel>();
  const end = (user: SimulatedUser): void => {
    live.get(user)?.destroy();
    live.delete(user);
  };
  return {
    name: 'typing',
    rate: (script) => script.typingPerMinute,
    run(ctx) {
      const idle = ctx.present().filter((u) => !live.has(u));
      if (idle.length === 0) return;
      const user = ctx.random.pick(idle);
      const room = user.room();
      if (room === undefined) return;
      const model = createTyping(room);
      live.set(user, model);
      burst(ctx, user, model, end);
    },
    stop() {
      for (const user of [...live.keys()]) end(user);
    },
  };
}

function burst(
  ctx: SimulationContext,
  user: SimulatedUser,
  model: TypingModel,
  end: (user: SimulatedUser) => void,
): void {
  model.keystroke();
  const stopKeys = ctx.timers.every(ctx.random.int(150, 400), () => {
    if (user.here) model.keystroke();
  });
  ctx.timers.after(ctx.random.int(2000, 6000), () => {
    stopKeys();
    if (ctx.random.chance(ABANDON_CHANCE)) ctx.timers.after(ABANDONED_LINGER_MS, () => end(user));
    else {
      model.stop();
      end(user);
    }
  });
}
