import { textToBase64Url, toBase64Url } from './base64url.js';

/** What an attestation says: this `key` (a session's public key) belongs to user `sub`. */
export interface AttestationClaims {
  /** The user id, which must equal the presence key the kit joins under. */
  sub: string;
  /** The session's public key, as the kit hands it to your `attest` callback. */
  key: string;
  /** Expiry, seconds since the epoch. @default now + ttlSeconds */
  exp?: number;
}

/** Signs attestations on your backend (a Supabase Edge Function, a Node server). */
export interface AttestationSigner {
  /** An ES256 JWT carrying `{ sub, key, iat, exp }`. */
  sign(claims: AttestationClaims): Promise<string>;
}

/** Options of {@link createAttestationSigner}. */
export interface AttestationSignerOptions {
  /** Lifetime of an attestation without an explicit `exp`. @default 600 */
  ttlSeconds?: number;
  /** Clock in ms. @default Date.now */
  now?: () => number;
}

/**
 * The example signer for verified identity: signs `{ sub, key, exp }` with your ECDSA P-256
 * private key (a JWK, e.g. from {@link generateAttestationKeys}) using Web Crypto only, so the
 * same code runs in Node 20+, Deno (Supabase Edge Functions) and browsers. Only ever call it
 * after authenticating the user: `sub` must come from the verified session, never the request.
 *
 * @example
 * const signer = createAttestationSigner(JSON.parse(Deno.env.get('PRESENCE_ATTESTATION_KEY')!));
 * const { data } = await supabase.auth.getUser(jwtFromRequest);
 * return Response.json({ attestation: await signer.sign({ sub: data.user.id, key: body.key }) });
 */
export function createAttestationSigner(
  privateKeyJwk: JsonWebKey,
  options: AttestationSignerOptions = {},
): AttestationSigner {
  const ttl = options.ttlSeconds ?? 600;
  const now = options.now ?? Date.now;
  let key: Promise<CryptoKey> | null = null;
  return {
    async sign(claims) {
      if (typeof claims.sub !== 'string' || claims.sub === '' || typeof claims.key !== 'string')
        throw new TypeError('an attestation needs a non-empty sub and a key');
      key ??= crypto.subtle.importKey(
        'jwk',
        privateKeyJwk,
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['sign'],
      );
      const iat = Math.floor(now() / 1000);
      const payload = { sub: claims.sub, key: claims.key, iat, exp: claims.exp ?? iat + ttl };
      const input = `${textToBase64Url('{"alg":"ES256","typ":"JWT"}')}.${textToBase64Url(JSON.stringify(payload))}`;
      const signature = await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        await key,
        new TextEncoder().encode(input),
      );
      return `${input}.${toBase64Url(new Uint8Array(signature))}`;
    },
  };
}

/** A fresh ECDSA P-256 key pair as JWKs: keep `privateKey` secret, give `publicKey` to the kit. */
export async function generateAttestationKeys(): Promise<{
  privateKey: JsonWebKey;
  publicKey: JsonWebKey;
}> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const [privateKey, publicKey] = await Promise.all([
    crypto.subtle.exportKey('jwk', pair.privateKey),
    crypto.subtle.exportKey('jwk', pair.publicKey),
  ]);
  return { privateKey, publicKey };
}
