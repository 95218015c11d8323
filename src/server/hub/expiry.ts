import { nowSeconds } from './auth.js';
import type { Channel, HubContext } from './context.js';
import { shutdownChannel } from './rooms.js';

/** setTimeout's ceiling; longer waits are done in steps. */
const MAX_DELAY_MS = 2_000_000_000;

function unref(timer: ReturnType<typeof setTimeout>): void {
  // Node: a token that expires in days must not keep the process alive. Browsers have no unref.
  (timer as { unref?: () => void }).unref?.();
}

/**
 * Arms (or re-arms) the channel's token-expiry timer: at `exp` the channel is shut down with the
 * real server's `Token has expired N seconds ago`, and the client does not rejoin.
 */
export function scheduleExpiry(ctx: HubContext, ch: Channel): void {
  if (ch.expiryTimer !== null) clearTimeout(ch.expiryTimer);
  const wait = ch.claims.exp * 1000 - ctx.now();
  ch.expiryTimer = setTimeout(
    () => {
      ch.expiryTimer = null;
      if (ch.claims.exp * 1000 > ctx.now()) return scheduleExpiry(ctx, ch);
      shutdownChannel(
        ctx,
        ch,
        `Token has expired ${String(Math.max(0, nowSeconds(ctx.now) - ch.claims.exp))} seconds ago`,
      );
    },
    Math.min(Math.max(wait, 0), MAX_DELAY_MS),
  );
  unref(ch.expiryTimer);
}
