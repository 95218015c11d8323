import { PresenceError } from '../facade/PresenceError.js';
import type { PresenceMeta } from '../outbound/wire.js';
import { canonicalMeta } from './canonicalMeta.js';
import type { SessionIdentity } from './SessionIdentity.js';

/**
 * Our tracks with verified identity: each meta is signed by the session before it goes out,
 * in order (a later meta never overtakes an earlier one while the first is being signed). When
 * the backend refuses to attest us, the meta goes out unsigned (others show us unverified) and
 * the refusal is reported.
 */
export class SignedTracks {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: SessionIdentity,
    private readonly channelName: string,
    private readonly presenceKey: string,
    private readonly send: (meta: PresenceMeta) => void,
    private readonly report: (error: PresenceError) => void,
  ) {}

  /** Signs `meta`, then sends it. */
  track(meta: PresenceMeta): void {
    const fields = {
      connectionId: meta.connectionId,
      version: meta.version,
      proof: meta.proof ?? null,
      next: meta.next ?? null,
      state: meta.state,
    };
    const text = canonicalMeta(this.channelName, this.presenceKey, fields);
    this.queue = this.queue.then(async () => {
      try {
        this.send({ ...meta, identity: await this.session.sign(text) });
      } catch (cause) {
        const reason = `${this.channelName}: could not sign our presence (${String(cause)})`;
        this.report(new PresenceError('OPERATION_FAILED', 'attest', reason, { cause }));
        this.send(meta);
      }
    });
  }
}
