import { fromBase64Url, toBase64Url } from './base64url.js';

/** Asks the app's backend to attest this session's public key; resolves the attestation. */
export type Attest = (key: string) => Promise<string>;

/** What a signed meta carries: the session's attestation and its signature over the meta. */
export interface MetaIdentity {
  attestation: string;
  signature: string;
}

/** An attestation is fetched again when it has less than this left (ms). */
const REFRESH_BEFORE_MS = 60_000;

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

function expiryOf(token: string): number {
  const payload = fromBase64Url(token.split('.')[1] ?? '');
  try {
    const exp: unknown = payload ? JSON.parse(new TextDecoder().decode(payload)).exp : undefined;
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/**
 * Our side of verified identity: one ECDSA P-256 key pair per `createPresence` (the private key
 * never leaves Web Crypto), attested once by the app's backend through `attest(publicKey)` and
 * again before the attestation expires; every tracked meta is signed with it, so receivers can
 * tell the meta was written by the attested session and not copied and altered.
 */
export class SessionIdentity {
  #keys: Promise<{ privateKey: CryptoKey; publicKey: string }> | null = null;
  #token: Promise<{ value: string; expiresAt: number }> | null = null;
  readonly #attest: Attest;
  readonly #now: () => number;

  constructor(attest: Attest, now: () => number = Date.now) {
    this.#attest = attest;
    this.#now = now;
  }

  /** Signs the canonical text of one meta; rejects when the backend refuses to attest us. */
  async sign(text: string): Promise<MetaIdentity> {
    const { privateKey } = await this.#keyPair();
    const attestation = await this.#attestation();
    const signature = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      privateKey,
      new TextEncoder().encode(text),
    );
    return { attestation, signature: toBase64Url(new Uint8Array(signature)) };
  }

  #keyPair(): Promise<{ privateKey: CryptoKey; publicKey: string }> {
    this.#keys ??= crypto.subtle
      .generateKey(P256, false, ['sign', 'verify'])
      .then(async (pair) => ({
        privateKey: pair.privateKey,
        publicKey: toBase64Url(
          new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)),
        ),
      }));
    return this.#keys;
  }

  async #attestation(): Promise<string> {
    const current = this.#token ? await this.#token.catch(() => null) : null;
    if (current && current.expiresAt - this.#now() > REFRESH_BEFORE_MS) return current.value;
    const { publicKey } = await this.#keyPair();
    this.#token = this.#attest(publicKey).then((value) => {
      if (typeof value !== 'string') throw new TypeError('attest() must resolve a string');
      return { value, expiresAt: expiryOf(value) };
    });
    return (await this.#token).value;
  }
}
