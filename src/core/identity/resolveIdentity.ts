import { PresenceError } from '../facade/PresenceError.js';
import type { IdentityOptions } from '../types.js';
import { IdentityVerifier } from './IdentityVerifier.js';
import { SessionIdentity } from './SessionIdentity.js';

/**
 * `PresenceOptions.identity`, checked, with the objects one `createPresence` shares across its
 * rooms: one verifier (its attestation cache) and one session key (one backend call).
 */
export interface ResolvedIdentity {
  readonly require: boolean;
  readonly verifier: IdentityVerifier;
  /** `null` without `attest`: our own metas go out unsigned. */
  readonly session: SessionIdentity | null;
}

function invalid(reason: string): PresenceError {
  return new PresenceError('INVALID_ARGUMENT', 'createPresence', reason);
}

/** Checks the `identity` option; throws `PresenceError` (`INVALID_ARGUMENT`). */
export function resolveIdentity(options: IdentityOptions | undefined): ResolvedIdentity | null {
  if (options === undefined) return null;
  if (typeof options !== 'object' || options === null) throw invalid('identity must be an object');
  const { publicKey, require, attest } = options;
  if (typeof publicKey !== 'object' || publicKey === null || publicKey.kty !== 'EC')
    throw invalid('identity.publicKey must be an ECDSA P-256 public key (JWK)');
  if (attest !== undefined && typeof attest !== 'function')
    throw invalid('identity.attest must be a function');
  return {
    require: require === true,
    verifier: new IdentityVerifier(publicKey),
    session: attest ? new SessionIdentity(attest) : null,
  };
}
