import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MicSeatsLabels } from './micSeatsLabels.js';

// Three dots drawn, not typed: a "⋯" character would be text that axe compares with the
// button's name ("Seat 3 options") and whose contrast it cannot judge.
const moreIcon = (
  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <circle cx="3" cy="8" r="1.5" />
    <circle cx="8" cy="8" r="1.5" />
    <circle cx="13" cy="8" r="1.5" />
  </svg>
);

/** A host action on one seat. */
export type HostAction = 'lock' | 'unlock' | 'kick';

/** Props of {@link MicSeatsMenu}. */
export interface MicSeatsMenuProps {
  /** The seat's 0-based position (the menu is named for seat `index + 1`). */
  index: number;
  /** The seat is locked: the menu offers Unlock instead of Lock. */
  locked: boolean;
  /** Someone sits in the seat: the menu offers to remove them. */
  taken: boolean;
  /** The menu's words (MicSeats passes its resolved labels). */
  labels: MicSeatsLabels;
  /** The host chose an item; the menu has closed by then. */
  onAction: (action: HostAction, index: number) => void;
}

function focusItem(menu: HTMLElement | null, pick: (items: HTMLElement[], at: number) => number) {
  if (menu === null) return;
  const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  items[pick(items, at)]?.focus();
}

const MOVES: Record<string, (items: HTMLElement[], at: number) => number> = {
  ArrowDown: (items, at) => (at + 1) % items.length,
  ArrowUp: (items, at) => (at <= 0 ? items.length : at) - 1,
  Home: () => 0,
  End: (items) => items.length - 1,
};

/**
 * Internal: the host's menu of one seat (lock or unlock, kick). A menu button: Enter, Space or
 * ArrowDown opens it on its first item, arrows and Home/End move, Escape closes it back onto the
 * button, Tab and a click outside close it.
 */
export function MicSeatsMenu({
  index,
  locked,
  taken,
  labels,
  onAction,
}: MicSeatsMenuProps): ReactNode {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLSpanElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const items: HostAction[] = [locked ? 'unlock' : 'lock'];
  if (taken) items.push('kick');

  useEffect(() => {
    if (!open) return undefined;
    focusItem(menu.current, () => 0);
    const onDown = (event: PointerEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (move !== undefined) {
      event.preventDefault();
      focusItem(menu.current, move);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') setOpen(false);
  };
  const name = labels.menu(index + 1);
  return (
    <span className="pk-mic-seats__menu-wrap" ref={wrap}>
      <button
        type="button"
        ref={trigger}
        className="pk-mic-seats__menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={name}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        {moreIcon}
      </button>
      {open && (
        <ul
          role="menu"
          id={id}
          aria-label={name}
          ref={menu}
          className="pk-mic-seats__menu"
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <li role="none" key={item}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="pk-mic-seats__menu-item"
                onClick={() => {
                  close();
                  onAction(item, index);
                }}
              >
                {labels[item]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
