import { randomBytes } from 'node:crypto';
import { importJWK, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/core/identity/base64url.js';
import { canonicalMeta } from '../../../src/core/identity/canonicalMeta.js';
import type { SignedMetaFields } from '../../../src/core/identity/canonicalMeta.js';
import {
  createAttestationSigner,
  generateAttestationKeys,
} from '../../../src/core/identity/createAttestationSigner.js';
import { IdentityVerifier } from '../../../src/core/identity/IdentityVerifier.js';
import { SessionIdentity } from '../../../src/core/identity/SessionIdentity.js';
import {
  importAttestationKey,
  verifyAttestation,
} from '../../../src/core/identity/verifyAttestation.js';

const keys = await generateAttestationKeys();
const appKey = await importAttestationKey(keys.publicKey);
const signer = createAttestationSigner(keys.privateKey);

const fields: SignedMetaFields = {
  connectionId: 'c1',
  version: 3,
  proof: '0123456789abcdef0123456789abcdef',
  next: null,
  state: { mood: 'calm', seat: '2' },
};

/** A session whose backend attests it as `sub`, counting the backend calls. */
function session(sub: string, now = Date.now) {
  const calls: string[] = [];
  const identity = new SessionIdentity(async (key) => {
    calls.push(key);
    return signer.sign({ sub, key, exp: Math.floor(now() / 1000) + 600 });
  }, now);
  return { identity, calls };
}

describe('base64url', () => {
  it('round-trips every length and matches Node', () => {
    for (let n = 0; n < 70; n += 1) {
      const bytes = randomBytes(n);
      const text = toBase64Url(bytes);
      expect(text).toBe(bytes.toString('base64url'));
      expect(Buffer.from(fromBase64Url(text) as Uint8Array).equals(bytes)).toBe(true);
    }
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });
});

describe('attestations', () => {
  it('signs ES256 JWTs that jose verifies, and verifies what jose signs', async () => {
    const token = await signer.sign({ sub: 'alice', key: 'K' });
    const { payload, protectedHeader } = await jwtVerify(
      token,
      await importJWK(keys.publicKey, 'ES256'),
    );
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ sub: 'alice', key: 'K' });
    expect((payload.exp as number) - (payload.iat as number)).toBe(600);
    const joseToken = await new SignJWT({ key: 'K2' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('bob')
      .setExpirationTime('5m')
      .sign(await importJWK(keys.privateKey, 'ES256'));
    const checked = await verifyAttestation(joseToken, appKey, Date.now());
    expect(checked).toMatchObject({ ok: true, value: { sub: 'bob', key: 'K2' } });
  });

  it('refuses tampered, foreign, expired, unsigned and malformed attestations', async () => {
    const token = await signer.sign({ sub: 'alice', key: 'K' });
    const [header, , signature] = token.split('.') as [string, string, string];
    const forgedPayload = toBase64Url(
      new TextEncoder().encode(JSON.stringify({ sub: 'mallory', key: 'K', exp: 9e9 })),
    );
    const other = await generateAttestationKeys();
    const foreign = await createAttestationSigner(other.privateKey).sign({
      sub: 'alice',
      key: 'K',
    });
    const expired = await signer.sign({ sub: 'alice', key: 'K', exp: 1 });
    const none = `${toBase64Url(new TextEncoder().encode('{"alg":"none"}'))}.${token.split('.')[1]}.`;
    const cases: [unknown, string][] = [
      [`${header}.${forgedPayload}.${signature}`, 'attestation signature does not verify'],
      [foreign, 'attestation signature does not verify'],
      [expired, 'attestation has expired'],
      [none, 'attestation is not ES256'],
      ['a.b', 'attestation is not a compact JWS'],
      [42, 'attestation is not a bounded string'],
      ['x'.repeat(5000), 'attestation is not a bounded string'],
    ];
    for (const [input, reason] of cases)
      expect(await verifyAttestation(input, appKey, Date.now())).toEqual({ ok: false, reason });
  });

  it('refuses to sign without a subject', async () => {
    await expect(signer.sign({ sub: '', key: 'K' })).rejects.toThrow(TypeError);
  });
});

describe('signed metas', () => {
  const verifier = new IdentityVerifier(keys.publicKey);

  it('verify for the attested user, in the signed channel, with the signed content only', async () => {
    const { identity } = session('alice');
    const signed = await identity.sign(canonicalMeta('room', 'alice', fields));
    expect(await verifier.verify('room', 'alice', fields, signed)).toEqual({
      ok: true,
      sub: 'alice',
    });
    const altered = { ...fields, state: { mood: 'evil', seat: '2' } };
    expect(await verifier.verify('room', 'alice', altered, signed)).toMatchObject({ ok: false });
    expect(await verifier.verify('room', 'alice', { ...fields, version: 4 }, signed)).toMatchObject(
      {
        ok: false,
      },
    );
    expect(await verifier.verify('other-room', 'alice', fields, signed)).toMatchObject({
      ok: false,
    });
    expect(await verifier.verify('room', 'bob', fields, signed)).toEqual({
      ok: false,
      reason: 'attestation is for another user',
    });
  });

  it('refuses a session that signs under a key attested for someone else', async () => {
    // Mallory's backend attests her as mallory; she tracks under alice's key.
    const { identity } = session('mallory');
    const signed = await identity.sign(canonicalMeta('room', 'alice', fields));
    expect(await verifier.verify('room', 'alice', fields, signed)).toEqual({
      ok: false,
      reason: 'attestation is for another user',
    });
  });

  it("refuses alice's attestation with a signature by another session", async () => {
    const alice = session('alice');
    const mallory = session('mallory');
    const real = await alice.identity.sign(canonicalMeta('room', 'alice', fields));
    const altered = { ...fields, state: { mood: 'evil' } };
    const forged = await mallory.identity.sign(canonicalMeta('room', 'alice', altered));
    expect(
      await verifier.verify('room', 'alice', altered, {
        attestation: real.attestation,
        signature: forged.signature,
      }),
    ).toEqual({ ok: false, reason: 'meta signature does not verify' });
  });

  it('refuses metas without or with a malformed identity', async () => {
    expect(await verifier.verify('room', 'alice', fields, undefined)).toMatchObject({ ok: false });
    expect(
      await verifier.verify('room', 'alice', fields, { attestation: 'a.b.c', signature: 'xx' }),
    ).toEqual({ ok: false, reason: 'identity is malformed' });
  });

  it('asks the backend once, and again only when the attestation nears its expiry', async () => {
    let now = Date.now();
    const { identity, calls } = session('alice', () => now);
    await identity.sign('a');
    await identity.sign('b');
    expect(calls).toHaveLength(1);
    expect(fromBase64Url(calls[0] as string)).toHaveLength(65);
    now += 545_000; // 55 s left of 600: inside the refresh margin
    await identity.sign('c');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toBe(calls[0]); // the same session key is attested again
  });

  it('rejects signing when the backend refuses, and tries again on the next meta', async () => {
    let refuse = true;
    const identity = new SessionIdentity(async (key) => {
      if (refuse) throw new Error('401');
      return signer.sign({ sub: 'alice', key });
    });
    await expect(identity.sign('a')).rejects.toThrow('401');
    refuse = false;
    const signed = await identity.sign(canonicalMeta('room', 'alice', fields));
    expect(await verifier.verify('room', 'alice', fields, signed)).toMatchObject({ ok: true });
  });

  it('fails every verification, without throwing, when the app key is not a P-256 key', async () => {
    const broken = new IdentityVerifier({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' });
    const { identity } = session('alice');
    const signed = await identity.sign(canonicalMeta('room', 'alice', fields));
    expect(await broken.verify('room', 'alice', fields, signed)).toEqual({
      ok: false,
      reason: 'identity.publicKey is not an ECDSA P-256 public key',
    });
  });
});
