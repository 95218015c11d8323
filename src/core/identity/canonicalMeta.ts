import type { UserState } from '../types.js';

/**
 * The fields of a tracked meta that a session signature covers. Timestamps are left out: every
 * receiver clamps them to its own clock (so the signed value would not be the one it holds), and
 * they only order one user's connections.
 */
export interface SignedMetaFields {
  connectionId: string;
  version: number;
  proof: string | null;
  next: string | null;
  state: Readonly<UserState>;
}

/**
 * The exact text a session signs for one meta: the channel and presence key it is tracked under
 * (so a copy is worthless in another room or under another key), the chain position and element
 * (which bind the connection's later broadcasts to the signed meta), and the state. State pairs
 * are sorted, so both sides build the same text from the same content.
 */
export function canonicalMeta(
  channelName: string,
  presenceKey: string,
  meta: SignedMetaFields,
): string {
  const pairs = Object.entries(meta.state).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    'pk-meta-1',
    channelName,
    presenceKey,
    meta.connectionId,
    meta.version,
    meta.proof,
    meta.next,
    pairs,
  ]);
}
