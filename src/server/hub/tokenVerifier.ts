import { nowSeconds, verifyToken, type Clock, type JwtClaims, type TokenCheck } from './auth.js';

const MAX_CACHED = 1000;

/**
 * Verifies tokens, remembering ones whose signature checked out so a join storm on one anon key
 * verifies it once. Expiry is re-checked on every use.
 */
export class TokenVerifier {
  private readonly valid = new Map<string, JwtClaims>();
  private readonly pending = new Map<string, Promise<TokenCheck>>();

  constructor(
    private readonly secret: string,
    private readonly now: Clock,
  ) {}

  /** Verifies `token` (cached when possible). Never throws. */
  async verify(token: string | null | undefined): Promise<TokenCheck> {
    const cached = token ? this.valid.get(token) : undefined;
    if (cached) {
      const ago = nowSeconds(this.now) - cached.exp;
      return ago >= 0
        ? { ok: false, error: 'expired', expiredSecondsAgo: ago }
        : { ok: true, claims: cached };
    }
    if (!token) return verifyToken(this.secret, token, this.now);
    // Concurrent checks of one token (a join storm) share a single verification.
    let pending = this.pending.get(token);
    if (!pending) {
      pending = verifyToken(this.secret, token, this.now).finally(() => this.pending.delete(token));
      this.pending.set(token, pending);
    }
    const check = await pending;
    if (check.ok) {
      if (this.valid.size >= MAX_CACHED) this.valid.clear();
      this.valid.set(token, check.claims);
    }
    return check;
  }
}
