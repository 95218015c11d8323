import type { IdentityPlugin, PresenceIdentity } from '../facade/IdentityPlugin.js';
import { PresenceError } from '../facade/PresenceError.js';
import { IdentityGate } from '../inbound/IdentityGate.js';
import { identityCheck } from './identityCheck.js';
import { IdentityVerifier } from './IdentityVerifier.js';
import { SessionIdentity } from './SessionIdentity.js';
import { SignedTracks } from './SignedTracks.js';

/** Options of `verifiedIdentity` (see the README's threat model). */
export interface VerifiedIdentityOptions {
  /** Your attestation public key (ECDSA P-256, a JWK): what others' attestations must verify with. */
  publicKey: JsonWebKey;
  /** Hide occupants (and our own other connections) whose meta is not verified. @default false */
  require?: boolean;
  /**
   * Gets an attestation of this session's public key from your backend (for example a Supabase
   * Edge Function using `createAttestationSigner`). Called once, and again before it expires.
   * Without it our own connections are shown to others as unverified.
   */
  attest?: (key: string) => Promise<string>;
}

function invalid(reason: string): PresenceError {
  return new PresenceError('INVALID_ARGUMENT', 'verifiedIdentity', reason);
}

// One function for every plugin value, so two equal options stay equal by value. Each
// `createPresence` opens its own: one verifier (its attestation cache) and one session key.
function openIdentity(plugin: IdentityPlugin): PresenceIdentity {
  const verifier = new IdentityVerifier(plugin.publicKey);
  const session = plugin.attest ? new SessionIdentity(plugin.attest) : null;
  const { require } = plugin;
  return {
    gate: (channelName) => (deps) =>
      new IdentityGate({ require, check: identityCheck(verifier, channelName), ...deps }),
    signedTracks(channelName, presenceKey, send, report) {
      if (!session) return send;
      const signed = new SignedTracks(session, channelName, presenceKey, send, report);
      return (meta) => signed.track(meta);
    },
  };
}

/**
 * Opt-in verified identity: `createPresence({ client, userId, identity: verifiedIdentity({
 * publicKey, require, attest }) })`. Every meta we track is signed by a session key your backend
 * attested; others' metas are checked against `publicKey` and shown `verified: true/false` (or
 * hidden, with `require`). Nothing of it ships until this is imported.
 *
 * Throws `PresenceError` (`INVALID_ARGUMENT`) without an ECDSA P-256 public key or with an
 * `attest` that is not a function.
 */
export function verifiedIdentity(options: VerifiedIdentityOptions): IdentityPlugin {
  if (typeof options !== 'object' || options === null) throw invalid('identity must be an object');
  const { publicKey, require, attest } = options;
  if (typeof publicKey !== 'object' || publicKey === null || publicKey.kty !== 'EC')
    throw invalid('identity.publicKey must be an ECDSA P-256 public key (JWK)');
  if (attest !== undefined && typeof attest !== 'function')
    throw invalid('identity.attest must be a function');
  const plugin: IdentityPlugin = {
    feature: 'verifiedIdentity',
    publicKey,
    require: require === true,
    ...(attest ? { attest } : {}),
    open: openIdentity,
  };
  return Object.freeze(plugin);
}
