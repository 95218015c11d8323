import type { JwtClaims } from './auth.js';
import type { HubContext } from './context.js';
import type { AuthorizeAction, AuthorizeFn, AuthorizeResult } from './types.js';

/** What a channel may do. Public channels may do everything. */
export interface Permissions {
  read: boolean;
  presence: boolean;
  broadcast: boolean;
  /** Some action was allowed only as `'sub'`: the presence key must be the token's `sub`. */
  keyIsSub: boolean;
}

/** The default private-channel policy: signed-in users (role `authenticated`) may do everything. */
export const defaultAuthorize: AuthorizeFn = ({ claims }) => claims.role === 'authenticated';

async function allowed(
  ctx: HubContext,
  claims: JwtClaims,
  topic: string,
  action: AuthorizeAction,
): Promise<AuthorizeResult> {
  try {
    const result = await ctx.authorize({ claims, topic, action });
    // Anything but true or 'sub' denies, as a policy that returns no row does.
    return result === true || result === 'sub' ? result : false;
  } catch (err) {
    // A throwing policy denies, as a failing RLS query does.
    ctx.log('warn', 'authorize policy threw', { topic, action, error: String(err) });
    return false;
  }
}

/** Evaluates the policy for a channel; only private channels are checked (docs/protocol.md §2.3). */
export async function permissions(
  ctx: HubContext,
  claims: JwtClaims,
  topic: string,
  isPrivate: boolean,
): Promise<Permissions> {
  if (!isPrivate) return { read: true, presence: true, broadcast: true, keyIsSub: false };
  const results = await Promise.all([
    allowed(ctx, claims, topic, 'read'),
    allowed(ctx, claims, topic, 'presence'),
    allowed(ctx, claims, topic, 'broadcast'),
  ]);
  const [read, presence, broadcast] = results.map((r) => r !== false) as [
    boolean,
    boolean,
    boolean,
  ];
  return { read, presence, broadcast, keyIsSub: results.includes('sub') };
}
