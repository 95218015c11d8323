import { forwardRef, type HTMLAttributes } from 'react';
import { useTyping } from '../react/index.js';
import { useLabels } from './labels.js';
import { cx } from './occupantStatus.js';
import type { ProfileProps } from './profileProps.js';
import {
  TYPING_INDICATOR_LABELS,
  typingSentence,
  type TypingIndicatorLabels,
} from './typingSentence.js';

/** Props of {@link TypingIndicator}. Other `<div>` attributes pass through to the root. */
export interface TypingIndicatorProps
  extends ProfileProps, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Drop a typer after this long without a keep-alive. @default 5000 */
  timeoutMs?: number;
  /** Locale of the list of names (`Intl.ListFormat`). Set it together with `labels`. @default 'en' */
  locale?: string;
  /** Typers named at most before the rest are counted. @default 3 */
  maxNames?: number;
  /** Overrides of the sentence's strings. */
  labels?: Partial<TypingIndicatorLabels>;
}

/**
 * "Alice is typing…", "Alice and Bob are typing…", "Alice, Bob and 3 others are typing…", with
 * animated dots (still under `prefers-reduced-motion`). The root is a polite `role="status"`
 * region that is always there and changes only when the set of typers does, so a screen reader
 * announces each change once and never a keep-alive. Empty when nobody types. Pair it with
 * `useTyping().keystroke` on your input. State: `data-typing`, `data-count`.
 *
 * @example
 * <TypingIndicator locale="de" labels={{ typing: (who, n) => `${who} ${n === 1 ? 'tippt' : 'tippen'}…` }} />
 */
export const TypingIndicator = forwardRef<HTMLDivElement, TypingIndicatorProps>(
  function TypingIndicator(
    {
      timeoutMs,
      locale = 'en',
      maxNames = 3,
      labels,
      getProfile,
      avatarOrigins,
      className,
      ...rest
    },
    ref,
  ) {
    const text = useLabels(TYPING_INDICATOR_LABELS, labels);
    const options: Parameters<typeof useTyping>[0] = {};
    if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
    if (getProfile !== undefined) options.getProfile = getProfile;
    if (avatarOrigins !== undefined) options.avatarOrigins = avatarOrigins;
    const { typers } = useTyping(options);
    const sentence = typingSentence(
      typers.map((t) => t.profile.name),
      text,
      locale,
      maxNames,
    );
    return (
      <div
        ref={ref}
        role="status"
        aria-live="polite"
        className={cx('pk-typing', className)}
        data-typing={typers.length > 0}
        data-count={typers.length}
        {...rest}
      >
        {sentence !== '' && (
          <>
            <span className="pk-typing__dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            <span className="pk-typing__text">{sentence}</span>
          </>
        )}
      </div>
    );
  },
);
