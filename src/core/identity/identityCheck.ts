import type { RemoteConnectionState } from '../inbound/validatePayload.js';
import { encodeProof } from '../outbound/proofCodec.js';
import type { UserState } from '../types.js';
import type { IdentityVerifier } from './IdentityVerifier.js';

/**
 * The identity check a room runs on each remote meta: is it signed, over exactly what it carries,
 * by a session the app's backend attested for the key it is tracked under in this channel?
 */
export function identityCheck<S extends UserState>(
  verifier: IdentityVerifier,
  channelName: string,
): (key: string, value: RemoteConnectionState<S>) => Promise<boolean> {
  return async (key, value) => {
    if (value.identity === undefined) return false;
    const fields = {
      connectionId: value.connectionId,
      version: value.version,
      proof: value.proof ? encodeProof(value.proof) : null,
      next: value.next ? encodeProof(value.next) : null,
      state: value.state,
    };
    return (await verifier.verify(channelName, key, fields, value.identity)).ok;
  };
}
