import { fromBase64Url } from './base64url.js';

/** A checked attestation: `key` (a session's public key) belongs to `sub` until `exp` (s). */
export interface VerifiedAttestation {
  sub: string;
  key: string;
  exp: number;
}

/** Longest attestation read from a remote meta. */
export const MAX_ATTESTATION_LENGTH = 2048;

const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Imports the app's attestation public key (an ECDSA P-256 JWK) for verifying. */
export function importAttestationKey(publicKeyJwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'jwk',
    publicKeyJwk,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
}

function decodeJson(part: string): Record<string, unknown> | null {
  const bytes = fromBase64Url(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function claimsOf(payload: Record<string, unknown> | null): VerifiedAttestation | null {
  if (!payload) return null;
  const { sub, key, exp } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof key !== 'string' || key === '') return null;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  return { sub, key, exp };
}

/**
 * Checks an attestation made by `createAttestationSigner` (or any ES256 JWT with `sub`, `key`,
 * `exp`) against the app's public key. Resolves the claims, or a reason it is refused: malformed,
 * not ES256, a bad signature, or expired at `nowMs`.
 */
export async function verifyAttestation(
  token: unknown,
  publicKey: CryptoKey,
  nowMs: number,
): Promise<{ ok: true; value: VerifiedAttestation } | { ok: false; reason: string }> {
  if (typeof token !== 'string' || token.length > MAX_ATTESTATION_LENGTH)
    return { ok: false, reason: 'attestation is not a bounded string' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'attestation is not a compact JWS' };
  const [header, payload, signature] = parts as [string, string, string];
  if (decodeJson(header)?.alg !== 'ES256') return { ok: false, reason: 'attestation is not ES256' };
  const claims = claimsOf(decodeJson(payload));
  const sig = fromBase64Url(signature);
  if (!claims || !sig || sig.length !== 64)
    return { ok: false, reason: 'attestation claims or signature are malformed' };
  const data = new TextEncoder().encode(`${header}.${payload}`);
  if (!(await crypto.subtle.verify(ES256, publicKey, sig, data)))
    return { ok: false, reason: 'attestation signature does not verify' };
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'attestation has expired' };
  return { ok: true, value: claims };
}
