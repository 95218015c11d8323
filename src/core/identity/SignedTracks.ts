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
  #queue: Promise<void> = Promise.resolve();
  readonly #session: SessionIdentity;
  readonly #channelName: string;
  readonly #presenceKey: string;
  readonly #send: (meta: PresenceMeta) => void;
  readonly #report: (error: PresenceError) => void;

  constructor(
    session: SessionIdentity,
    channelName: string,
    presenceKey: string,
    send: (meta: PresenceMeta) => void,
    report: (error: PresenceError) => void,
  ) {
    this.#session = session;
    this.#channelName = channelName;
    this.#presenceKey = presenceKey;
    this.#send = send;
    this.#report = report;
  }

  /** Signs `meta`, then sends it. */
  track(meta: PresenceMeta): void {
    const fields = {
      connectionId: meta.connectionId,
      version: meta.version,
      proof: meta.proof ?? null,
      next: meta.next ?? null,
      state: meta.state,
    };
    const text = canonicalMeta(this.#channelName, this.#presenceKey, fields);
    this.#queue = this.#queue.then(async () => {
      try {
        this.#send({ ...meta, identity: await this.#session.sign(text) });
      } catch (cause) {
        const reason = `${this.#channelName}: could not sign our presence (${String(cause)})`;
        this.#report(new PresenceError('OPERATION_FAILED', 'attest', reason, { cause }));
        this.#send(meta);
      }
    });
  }
}
