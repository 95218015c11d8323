/** Every string `<TypingIndicator>` shows; override any through `labels`. */
export interface TypingIndicatorLabels {
  /** The sentence around the list of names (`who` is already joined: "Alice and Bob"). */
  typing: (who: string, count: number) => string;
  /** Stands for the typers not named ("3 others"). */
  others: (count: number) => string;
}

/** English defaults. */
export const TYPING_INDICATOR_LABELS: TypingIndicatorLabels = {
  typing: (who, count) => `${who} ${count === 1 ? 'is' : 'are'} typing…`,
  others: (count) => `${count} others`,
};

// Building a ListFormat is costly and a page uses one or two locales: keep them.
const formats = new Map<string, Intl.ListFormat>();

function listFormat(locale: string): Intl.ListFormat {
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    formats.set(locale, format);
  }
  return format;
}

/**
 * The typing sentence: every name up to `maxNames` typers ("Alice, Bob and Carol are typing…"),
 * beyond that the first `maxNames − 1` and a count ("Alice, Bob and 3 others are typing…"), joined
 * by `Intl.ListFormat` for `locale`. `''` when nobody types.
 */
export function typingSentence(
  names: readonly string[],
  labels: TypingIndicatorLabels,
  locale: string,
  maxNames: number,
): string {
  if (names.length === 0) return '';
  const cap = Math.max(1, Math.floor(maxNames));
  const shown =
    names.length <= cap
      ? names
      : [...names.slice(0, cap - 1), labels.others(names.length - cap + 1)];
  return labels.typing(listFormat(locale).format(shown), names.length);
}
