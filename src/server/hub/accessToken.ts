import type { Message } from '../protocol/types.js';
import { tokenErrorMessage } from './auth.js';
import type { Channel, HubContext } from './context.js';
import { scheduleExpiry } from './expiry.js';
import { permissions } from './permissions.js';
import { shutdownChannel } from './rooms.js';

/**
 * Handles `access_token` (docs/protocol.md §5.2): ignores null, unchanged and `sb_` keys; verifies a new
 * token and re-evaluates the policy, shutting the channel down on failure. Never replies.
 */
export async function handleAccessToken(ctx: HubContext, ch: Channel, msg: Message): Promise<void> {
  const token = msg.payload['access_token'];
  if (typeof token !== 'string' || token === '' || token.startsWith('sb_') || token === ch.token)
    return;
  const check = await ctx.verifier.verify(token);
  if (ch.closed) return;
  if (!check.ok) return shutdownChannel(ctx, ch, tokenErrorMessage(check));
  const can = await permissions(ctx, check.claims, ch.name, ch.room.private);
  if (ch.closed) return;
  if (!can.read)
    return shutdownChannel(
      ctx,
      ch,
      `You no longer have permission to read from this Channel topic: ${ch.name}`,
    );
  if (can.keyIsSub && check.claims.sub !== ch.presenceKey)
    return shutdownChannel(ctx, ch, "Presence key no longer matches the token's sub");
  ch.token = token;
  ch.claims = check.claims;
  ch.canPresence = can.presence;
  ch.canBroadcast = can.broadcast;
  scheduleExpiry(ctx, ch);
}
