import { nowSeconds, verifyToken, type JwtClaims, type TokenCheck } from './auth.js';

const MAX_CACHED = 1000;

/**
 * Verifies tokens, remembering ones whose signature checked out so a join storm on one anon key
 * verifies it once. Expiry is re-checked on every use.
 */
export class TokenVerifier {
  private readonly valid = new Map<string, JwtClaims>();

  constructor(private readonly secret: string) {}

  /** Verifies `token` (cached when possible). Never throws. */
  async verify(token: string | null | undefined): Promise<TokenCheck> {
    const cached = token ? this.valid.get(token) : undefined;
    if (cached) {
      const ago = nowSeconds() - cached.exp;
      return ago >= 0
        ? { ok: false, error: 'expired', expiredSecondsAgo: ago }
        : { ok: true, claims: cached };
    }
    const check = await verifyToken(this.secret, token);
    if (check.ok && token) {
      if (this.valid.size >= MAX_CACHED) this.valid.clear();
      this.valid.set(token, check.claims);
    }
    return check;
  }
}
