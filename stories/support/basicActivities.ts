import type { Activity, SimulationContext } from './Activity.js';
import { BOT_STATUSES } from './botProfiles.js';
import type { SimulatedUser } from './SimulatedUser.js';

/** Someone leaves, or someone who left comes back: the room stays near `script.users`. */
export const joinLeave: Activity = {
  name: 'join-leave',
  rate: (script) => script.joinLeavePerMinute,
  run(ctx) {
    const present = ctx.present();
    const absent = ctx.absent();
    const leave = absent.length === 0 || (present.length > 0 && ctx.random.chance(0.5));
    if (leave && present.length > 0) void ctx.random.pick(present).leave();
    else if (absent.length > 0) void ctx.random.pick(absent).join();
  },
};

/** A present user who is not away, if there is one. */
function pickActive(ctx: SimulationContext): SimulatedUser | undefined {
  const candidates = ctx.present().filter((u) => u.state['status'] !== 'away');
  return candidates.length === 0 ? undefined : ctx.random.pick(candidates);
}

/** A user flips between available and busy (an away user stays away). */
export const statusChange: Activity = {
  name: 'status',
  rate: (script) => script.statusPerMinute,
  run(ctx) {
    const user = pickActive(ctx);
    if (user === undefined) return;
    const others = BOT_STATUSES.filter((s) => s !== user.state['status']);
    void user.setState({ status: ctx.random.pick(others) });
  },
};

/** A user goes away for 5–15 s (as `useIdle` would report), then comes back as available. */
export const goAway: Activity = {
  name: 'away',
  rate: (script) => script.awayPerMinute,
  run(ctx) {
    const user = pickActive(ctx);
    if (user === undefined) return;
    void user.setState({ status: 'away' });
    ctx.timers.after(ctx.random.int(5000, 15000), () => {
      if (user.state['status'] === 'away') void user.setState({ status: 'available' });
    });
  },
};

/** The activities every simulation has; typing and seats add theirs. */
export const BASIC_ACTIVITIES: readonly Activity[] = [joinLeave, statusChange, goAway];
