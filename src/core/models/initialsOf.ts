/**
 * One or two initials for an avatar: the first letter of the first and of the last word,
 * upper-cased (`'Ada Lovelace'` → `'AL'`, `'bob'` → `'B'`); words without a letter or digit (emoji)
 * are skipped, and `'?'` stands in when none is left.
 * Works by code point, so emoji and non-Latin names do not split into halves.
 */
export function initialsOf(name: string): string {
  const words = name.split(/[\s\-_.@]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string) => Array.from(word.match(/[\p{L}\p{N}].*/u)?.[0] ?? word)[0] ?? '';
  return (letter(first) + (last === undefined ? '' : letter(last))).toLocaleUpperCase();
}
