/** Verified identity: what an app's backend needs to attest its users, and to check attestations. */
export { createAttestationSigner, generateAttestationKeys } from './createAttestationSigner.js';
export type {
  AttestationClaims,
  AttestationSigner,
  AttestationSignerOptions,
} from './createAttestationSigner.js';
export { importAttestationKey, verifyAttestation } from './verifyAttestation.js';
export type { VerifiedAttestation } from './verifyAttestation.js';
export { verifiedIdentity } from './verifiedIdentity.js';
export type { VerifiedIdentityOptions } from './verifiedIdentity.js';
