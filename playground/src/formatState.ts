/** A state (or a change of one) in words: `status: busy · mood: coffee`, kit keys left out. */
export function formatState(
  state: Readonly<Record<string, string | undefined>> | null | undefined,
): string {
  if (state === null || state === undefined) return '';
  return Object.entries(state)
    .filter(([key]) => !key.startsWith('pk.'))
    .map(([key, value]) => `${key}: ${value ?? '(removed)'}`)
    .join(' · ');
}
