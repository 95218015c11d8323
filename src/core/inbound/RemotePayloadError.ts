import { PresenceError } from '../facade/PresenceError.js';

/**
 * `INVALID_REMOTE_PAYLOAD`: remote payloads failed validation or proof and were dropped. Bursts
 * are coalesced (see `RejectionReporter`), so one error may stand for many payloads: `count`.
 */
export class RemotePayloadError extends PresenceError {
  /** How many dropped payloads this report stands for (1 for the first of a burst). */
  readonly count: number;

  constructor(reason: string, count: number) {
    super('INVALID_REMOTE_PAYLOAD', 'receive', reason);
    this.count = count;
  }
}
