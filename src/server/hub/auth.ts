import { SignJWT, errors, jwtVerify } from 'jose';

/** The Supabase CLI's well-known local JWT secret. Development only. */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/**
 * The Supabase CLI's well-known demo anon key (role `anon`, expires 2032), signed with
 * {@link DEFAULT_JWT_SECRET}. Lets the loopback build its client synchronously.
 */
export const DEFAULT_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';

/** Verified JWT claims. The server requires `role` and `exp`, as the real one does. */
export interface JwtClaims {
  role: string;
  exp: number;
  sub?: string;
  [claim: string]: unknown;
}

/** Why a token was refused. */
export type TokenError = 'missing' | 'malformed' | 'signature' | 'claims' | 'expired';

/** Outcome of verifying a token. `expiredSecondsAgo` is set for `expired`. */
export type TokenCheck =
  { ok: true; claims: JwtClaims } | { ok: false; error: TokenError; expiredSecondsAgo?: number };

const ALGORITHMS = ['HS256', 'HS384', 'HS512'];

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A clock in milliseconds since the epoch, as `Date.now`. */
export type Clock = () => number;

/** Seconds since the epoch by `now`, the unit of `exp`. */
export function nowSeconds(now: Clock = Date.now): number {
  return Math.floor(now() / 1000);
}

function checkClaims(payload: Record<string, unknown>, now: Clock): TokenCheck {
  const { role, exp } = payload;
  if (typeof role !== 'string' || typeof exp !== 'number') return { ok: false, error: 'claims' };
  const ago = nowSeconds(now) - exp;
  if (ago >= 0) return { ok: false, error: 'expired', expiredSecondsAgo: ago };
  return { ok: true, claims: { ...payload, role, exp } };
}

function classify(err: unknown, now: Clock): TokenCheck {
  // jose checks the signature before the claims, so an expired token was genuinely signed.
  if (err instanceof errors.JWTExpired) {
    const exp = err.payload.exp;
    if (typeof err.payload.role !== 'string' || typeof exp !== 'number')
      return { ok: false, error: 'claims' };
    return { ok: false, error: 'expired', expiredSecondsAgo: Math.max(0, nowSeconds(now) - exp) };
  }
  if (
    err instanceof errors.JWSSignatureVerificationFailed ||
    err instanceof errors.JOSEAlgNotAllowed
  ) {
    return { ok: false, error: 'signature' };
  }
  return { ok: false, error: 'malformed' };
}

/**
 * Verifies an HS256/384/512 JWT against `secret` with jose (browser and Node) and requires `role`
 * and `exp`, judged by the clock `now`. Unsigned (`alg: none`) and foreign-key tokens are
 * refused. Never throws.
 */
export async function verifyToken(
  secret: string,
  token: string | null | undefined,
  now: Clock = Date.now,
): Promise<TokenCheck> {
  if (token === null || token === undefined || token === '') return { ok: false, error: 'missing' };
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), {
      algorithms: ALGORITHMS,
      currentDate: new Date(now()),
    });
    return checkClaims(payload, now);
  } catch (err) {
    return classify(err, now);
  }
}

/**
 * Signs `claims` as an HS256 JWT. Adds `iat`, and `exp` one hour ahead unless given.
 * @example const jwt = await signToken(DEFAULT_JWT_SECRET, { sub: 'alice', role: 'authenticated' });
 */
export async function signToken(secret: string, claims: Record<string, unknown>): Promise<string> {
  const iat = nowSeconds();
  const body = { iat, exp: iat + 3600, ...claims };
  return new SignJWT(body).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretKey(secret));
}

/** The `{"error": ...}` text of a refused WebSocket upgrade (docs/protocol.md §1.1). */
export function connectErrorMessage(check: Extract<TokenCheck, { ok: false }>): string {
  switch (check.error) {
    case 'missing':
      return 'API key is missing';
    case 'expired':
      return 'Token has expired';
    case 'claims':
      return 'Fields `role` and `exp` are required in JWT';
    case 'signature':
      return 'Failed to validate JWT signature';
    case 'malformed':
      return 'The token provided is not a valid JWT';
  }
}

/** The message of a token failure on a live channel, as in `system` shutdowns. */
export function tokenErrorMessage(check: Extract<TokenCheck, { ok: false }>): string {
  switch (check.error) {
    case 'expired':
      return `Token has expired ${String(check.expiredSecondsAgo ?? 0)} seconds ago`;
    case 'claims':
      return 'Fields `role` and `exp` are required in JWT';
    case 'signature':
      return 'Failed to validate JWT signature';
    case 'missing':
    case 'malformed':
      return 'The token provided is not a valid JWT';
  }
}

/** The `reason` of a join refused for its token (docs/protocol.md §2.3). */
export function joinErrorReason(check: Extract<TokenCheck, { ok: false }>): string {
  const code =
    check.error === 'signature'
      ? 'JwtSignatureError'
      : check.error === 'malformed' || check.error === 'missing'
        ? 'MalformedJWT'
        : 'InvalidJWTToken';
  return `${code}: ${tokenErrorMessage(check)}`;
}
