/** Props of {@link Emoji}. */
export interface EmojiProps {
  /** The emoji itself; decorative, hidden from screen readers. */
  symbol: string;
  /** The words shown beside it, so the meaning survives a system without an emoji font. */
  label: string;
}

/** An emoji with its text label next to it (never the emoji alone). */
export function Emoji({ symbol, label }: EmojiProps) {
  return (
    <span className="emoji-label">
      <span className="emoji" aria-hidden="true">
        {symbol}
      </span>{' '}
      {label}
    </span>
  );
}

/** Moods a user can pick: the state carries the word, the page shows the emoji beside it. */
export const MOODS = [
  { value: 'happy', symbol: '🙂' },
  { value: 'focused', symbol: '🎧' },
  { value: 'coffee', symbol: '☕' },
  { value: 'thinking', symbol: '🤔' },
  { value: 'on fire', symbol: '🔥' },
  { value: 'sleepy', symbol: '😴' },
] as const;

/** The emoji for a mood word, or a neutral dot for a word we do not know. */
export function moodSymbol(mood: string | undefined): string {
  return MOODS.find((m) => m.value === mood)?.symbol ?? '•';
}
