import { fromBase64Url } from './base64url.js';
import { canonicalMeta } from './canonicalMeta.js';
import type { SignedMetaFields } from './canonicalMeta.js';
import type { VerifiedAttestation } from './verifyAttestation.js';
import { importAttestationKey, verifyAttestation } from './verifyAttestation.js';

/** Attestations remembered per receiver; the oldest are forgotten first. */
const MAX_CACHED = 512;

type Checked = { ok: true; value: VerifiedAttestation & { sessionKey: CryptoKey } } | Refusal;
type Refusal = { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Receivers' side of verified identity: checks a meta's `identity` against the app's public key.
 * Each attestation is verified once and cached (bounded); each meta costs one ECDSA verify of the
 * session's signature over that meta's canonical text. Everything is async (Web Crypto).
 */
export class IdentityVerifier {
  readonly #appKey: Promise<CryptoKey>;
  readonly #cache = new Map<string, Promise<Checked>>();
  readonly #now: () => number;

  constructor(publicKeyJwk: JsonWebKey, now: () => number = Date.now) {
    this.#now = now;
    this.#appKey = importAttestationKey(publicKeyJwk);
    // A bad key must fail verifications, not surface as an unhandled rejection.
    this.#appKey.catch(() => undefined);
  }

  /**
   * Resolves `ok` when `identity` holds an unexpired attestation for `presenceKey` and that
   * session's signature over exactly these fields, tracked in this channel under this key.
   */
  async verify(
    channelName: string,
    presenceKey: string,
    fields: SignedMetaFields,
    identity: unknown,
  ): Promise<{ ok: true; sub: string } | Refusal> {
    if (!isRecord(identity)) return { ok: false, reason: 'meta carries no identity' };
    const { attestation, signature } = identity;
    const sig = typeof signature === 'string' ? fromBase64Url(signature) : null;
    if (typeof attestation !== 'string' || !sig || sig.length !== 64)
      return { ok: false, reason: 'identity is malformed' };
    const checked = await this.#attestation(attestation);
    if (!checked.ok) return checked;
    if (checked.value.exp * 1000 <= this.#now())
      return { ok: false, reason: 'attestation has expired' };
    if (checked.value.sub !== presenceKey)
      return { ok: false, reason: 'attestation is for another user' };
    const text = new TextEncoder().encode(canonicalMeta(channelName, presenceKey, fields));
    const valid = await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      checked.value.sessionKey,
      sig,
      text,
    );
    return valid
      ? { ok: true, sub: checked.value.sub }
      : { ok: false, reason: 'meta signature does not verify' };
  }

  #attestation(token: string): Promise<Checked> {
    let entry = this.#cache.get(token);
    if (!entry) {
      entry = this.#check(token);
      this.#cache.set(token, entry);
      if (this.#cache.size > MAX_CACHED) {
        const oldest = this.#cache.keys().next().value;
        if (oldest !== undefined) this.#cache.delete(oldest);
      }
    }
    return entry;
  }

  async #check(token: string): Promise<Checked> {
    let appKey: CryptoKey;
    try {
      appKey = await this.#appKey;
    } catch {
      return { ok: false, reason: 'identity.publicKey is not an ECDSA P-256 public key' };
    }
    const result = await verifyAttestation(token, appKey, this.#now());
    if (!result.ok) return result;
    const raw = fromBase64Url(result.value.key);
    if (!raw || raw.length !== 65) return { ok: false, reason: 'attested key is malformed' };
    try {
      const sessionKey = await crypto.subtle.importKey(
        'raw',
        raw,
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['verify'],
      );
      return { ok: true, value: { ...result.value, sessionKey } };
    } catch {
      return { ok: false, reason: 'attested key is not a P-256 point' };
    }
  }
}
