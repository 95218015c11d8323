type StateLike = Readonly<Record<string, string | undefined>>;

/** A state (or a change of one) in words: `status: busy · mood: coffee`, kit keys left out. */
export function formatState(state: StateLike | null | undefined): string {
  if (state === null || state === undefined) return '';
  return Object.entries(state)
    .filter(([key]) => !key.startsWith('pk.'))
    .map(([key, value]) => `${key}: ${value ?? '(removed)'}`)
    .join(' · ');
}

// The kit's own keys that say something to a person; the rest (pk.seatAt, pk.host) are
// bookkeeping behind them.
const KIT_WORDS: Readonly<Record<string, (value: string | undefined) => string>> = {
  'pk.seat': (value) =>
    value === undefined ? 'left their seat' : `took seat ${Number(value) + 1}`,
  'pk.mic': (value) => (value === 'off' ? 'muted' : 'unmuted'),
};

/**
 * What changed between two states of one user, in words: app keys as `mood: coffee` (or
 * `(removed)`), the kit's seat and mic keys as `took seat 3` / `muted`. An event log built on
 * REMOTE_STATE_CHANGED needs this: the event carries the whole state after the change, so a
 * mute would otherwise show the same line as the event before it.
 */
export function formatStateChange(before: StateLike | undefined, after: StateLike): string {
  if (before === undefined) return formatState(after);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const words: string[] = [];
  for (const key of keys) {
    const value = Object.hasOwn(after, key) ? after[key] : undefined;
    if (value === before[key]) continue;
    if (!key.startsWith('pk.')) words.push(`${key}: ${value ?? '(removed)'}`);
    // The mic goes with the seat: it is news of its own only while the seat stays.
    else if (key === 'pk.mic' && before['pk.seat'] !== after['pk.seat']) continue;
    else if (Object.hasOwn(KIT_WORDS, key)) words.push(KIT_WORDS[key]!(value));
  }
  return words.join(' · ');
}
