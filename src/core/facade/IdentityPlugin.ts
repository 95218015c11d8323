import type { OpenIdentityGate } from '../inbound/IdentityGate.js';
import type { PresenceMeta } from '../outbound/wire.js';
import type { UserState } from '../types.js';
import type { PresenceError } from './PresenceError.js';

/** Verified identity as the engine uses it: one per `createPresence`, shared by its rooms. */
export interface PresenceIdentity {
  /**
   * The identity gate of a room in `channelName`: it holds each remote meta back until its
   * check settles, then shows it `verified: true/false` (or keeps it hidden, with `require`).
   */
  gate<S extends UserState>(channelName: string): OpenIdentityGate<S>;
  /**
   * How a room's own metas go out: signed first, in order. Without `attest` this is `send`
   * itself (our metas go out unsigned); a refused attestation is reported through `report`.
   */
  signedTracks(
    channelName: string,
    presenceKey: string,
    send: (meta: PresenceMeta) => void,
    report: (error: PresenceError) => void,
  ): (meta: PresenceMeta) => void;
}

/**
 * `PresenceOptions.identity`: opt-in verified identity, made by `verifiedIdentity()` from
 * `presence-kit/identity`. The engine knows only this shape, so an app that never imports it
 * ships no verifier and no session code. Plain data and a module-level `open`, so two equal
 * options compare equal (React providers sharing one presence).
 */
export interface IdentityPlugin {
  /** Which feature this is; a value without it is refused (a plain options object is the old form). */
  readonly feature: 'verifiedIdentity';
  /** Your attestation public key (ECDSA P-256, a JWK). */
  readonly publicKey: JsonWebKey;
  /** Hide occupants whose meta is not verified. */
  readonly require: boolean;
  /** Gets this session's public key attested by your backend; absent: we go out unsigned. */
  readonly attest?: (key: string) => Promise<string>;
  /** Opens the identity of one `createPresence`: one verifier (its cache), one session key. */
  readonly open: (plugin: IdentityPlugin) => PresenceIdentity;
}
