import type { TypingModel } from 'presence-kit';
import type { Activity, SimulationContext } from './Activity.js';
import type { SimulatedUser } from './SimulatedUser.js';

// Three in ten bursts are abandoned (no `stop()`): receivers then drop the typer on their own
// after the timeout, which is the other path the indicator has to get right.
const ABANDON_CHANCE = 0.3;

/** Options of {@link createTypingActivity}. */
export interface TypingScriptOptions {
  /** Called when a burst ends in a send (after `stop()`): post the message here (see `chat.ts`). */
  onSent?: (user: SimulatedUser, ctx: SimulationContext) => void;
}

/**
 * Typing bursts through the kit's own typing model (`createTyping`), one per user at a time:
 * keystrokes every 150–400 ms for 2–6 s, then `stop()` as if sent, or silence. Broadcast only.
 */
export function createTypingActivity(options: TypingScriptOptions = {}): Activity {
  const typing = new Set<SimulatedUser>();
  return {
    name: 'typing',
    rate: (script) => script.typingPerMinute,
    run(ctx) {
      const idle = ctx.present().filter((u) => !typing.has(u));
      if (idle.length === 0) return;
      const user = ctx.random.pick(idle);
      const model = user.models.typing();
      if (model === undefined) return;
      typing.add(user);
      burst(ctx, user, model, (sent) => {
        typing.delete(user);
        if (sent && user.here) options.onSent?.(user, ctx);
      });
    },
    stop: () => typing.clear(),
  };
}

function burst(
  ctx: SimulationContext,
  user: SimulatedUser,
  model: TypingModel,
  done: (sent: boolean) => void,
): void {
  model.keystroke();
  const stopKeys = ctx.timers.every(ctx.random.int(150, 400), () => {
    if (user.here) model.keystroke();
  });
  ctx.timers.after(ctx.random.int(2000, 6000), () => {
    stopKeys();
    const sent = !ctx.random.chance(ABANDON_CHANCE);
    if (sent) model.stop();
    done(sent);
  });
}
