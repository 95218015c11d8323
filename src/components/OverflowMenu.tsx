import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { OverflowName } from './OnlineAvatarItem.js';
import type { OnlineAvatarsLabels } from './onlineAvatarsLabels.js';
import type { ProfileProps } from './profileProps.js';

/** Names listed in the popover at most; the rest are counted. Keeps a huge room's popover cheap. */
const MAX_NAMES = 50;

/** Props of the `+N` button. */
export interface OverflowMenuProps extends ProfileProps {
  /** Everyone not shown as an avatar (only read while the popover is open). */
  rest: () => readonly string[];
  /** How many people are behind the button (its `+N`). */
  count: number;
  /** The button's and popover's words (OnlineAvatars passes its resolved labels). */
  labels: OnlineAvatarsLabels;
}

/**
 * Internal: the `+N` button and its popover naming the people behind it. Keyboard: Enter/Space
 * toggles, Escape closes and puts focus back on the button; focus leaving the menu closes it.
 */
export function OverflowMenu({
  rest,
  count,
  labels,
  getProfile,
  avatarOrigins,
}: OverflowMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  return (
    <div className="pk-avatars__overflow" onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="pk-avatars__more"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={labels.moreLabel(count)}
        onClick={() => setOpen(!open)}
        onKeyDown={onKeyDown}
      >
        {labels.more(count)}
      </button>
      {open && (
        <OverflowPanel
          ref={panel}
          id={id}
          names={rest().slice(0, MAX_NAMES)}
          count={count}
          labels={labels}
          onKeyDown={onKeyDown}
          getProfile={getProfile}
          avatarOrigins={avatarOrigins}
        />
      )}
    </div>
  );
}

interface OverflowPanelProps extends ProfileProps {
  id: string;
  names: readonly string[];
  count: number;
  labels: OnlineAvatarsLabels;
  onKeyDown: (event: KeyboardEvent) => void;
}

/** The popover: a non-modal dialog naming the people behind `+N` (the first {@link MAX_NAMES}). */
const OverflowPanel = forwardRef<HTMLDivElement, OverflowPanelProps>(function OverflowPanel(
  { id, names, count, labels, onKeyDown, getProfile, avatarOrigins },
  ref,
) {
  return (
    // A dialog closes on Escape (WAI-ARIA APG); the rule does not know dialogs take keys.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={ref}
      id={id}
      role="dialog"
      aria-label={labels.rest}
      tabIndex={-1}
      className="pk-avatars__popover"
      onKeyDown={onKeyDown}
    >
      <p className="pk-avatars__heading">{labels.rest}</p>
      <ul>
        {names.map((userId) => (
          <OverflowName
            key={userId}
            userId={userId}
            getProfile={getProfile}
            avatarOrigins={avatarOrigins}
          />
        ))}
      </ul>
      {count > names.length && <p>{labels.restMore(count - names.length)}</p>}
    </div>
  );
});
