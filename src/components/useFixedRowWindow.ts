import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Options of {@link useFixedRowWindow}. */
export interface FixedRowWindowOptions {
  /** How many rows the list has. */
  count: number;
  /** Every row's height in px (fixed: rows are never measured). */
  rowHeight: number;
  /** Rows rendered beyond the visible ones, each way. */
  overscan: number;
}

/** The rows to render: indexes `start` (inclusive) to `end` (exclusive). */
export interface FixedRowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render (`start === end` when there is nothing to show). */
  end: number;
  /** Height of all rows together, px: the scrolling content's height. */
  totalHeight: number;
  /** A row's offset from the top of the content, px (`index * rowHeight`). */
  top: (index: number) => number;
}

/** The rows the viewport touches, before overscan: `first` inclusive, `last` exclusive. */
interface Viewport {
  first: number;
  last: number;
}

const UNMEASURED: Viewport = { first: 0, last: 0 };

// The server has no layout to read and React 18 warns about useLayoutEffect there; `typeof`
// reads no global, so this is safe at import time anywhere.
const useLayoutEffectInBrowser = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** Reads the container; sets the viewport only when its range of rows changed. */
function measure(
  element: HTMLElement,
  rowHeight: number,
  shown: RefObject<Viewport>,
  setViewport: (viewport: Viewport) => void,
): void {
  const next = viewportOf(element.scrollTop, element.clientHeight, rowHeight);
  if (next.first === shown.current.first && next.last === shown.current.last) return;
  shown.current = next;
  setViewport(next);
}

function viewportOf(scrollTop: number, clientHeight: number, rowHeight: number): Viewport {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight));
  return { first, last: Math.max(first, Math.ceil((scrollTop + clientHeight) / rowHeight)) };
}

/**
 * Internal: which rows of a fixed-height list a scroll container shows. PresenceList's rows all
 * have one height, so the window is arithmetic on `scrollTop` and `clientHeight`; a general
 * virtualizer (dynamic measurement, lanes, horizontal and window scrolling) would cost more
 * bytes than the whole components budget allows for it. It re-renders only when the range of
 * visible rows changes, never per scrolled pixel, and reads the container in a layout effect so
 * the first paint already shows the right rows. Nothing touches the DOM during render (SSR
 * renders the first `overscan` rows).
 */
export function useFixedRowWindow(
  scroller: RefObject<HTMLElement | null>,
  options: FixedRowWindowOptions,
): FixedRowWindow {
  const { count } = options;
  // A zero or negative height would make every row "visible": treat it as 1 px.
  const rowHeight = options.rowHeight > 0 ? options.rowHeight : 1;
  const overscan = Math.max(0, Math.floor(options.overscan));
  const [viewport, setViewport] = useState(UNMEASURED);
  // The last range set, compared outside setState so an unchanged range costs no render at all.
  const shown = useRef(UNMEASURED);
  useLayoutEffectInBrowser(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    const onChange = () => measure(element, rowHeight, shown, setViewport);
    onChange();
    element.addEventListener('scroll', onChange, { passive: true });
    const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onChange);
    resizes?.observe(element);
    return () => {
      element.removeEventListener('scroll', onChange);
      resizes?.disconnect();
    };
  }, [scroller, rowHeight]);
  return windowOf(viewport, count, rowHeight, overscan);
}

function windowOf(
  viewport: Viewport,
  count: number,
  rowHeight: number,
  overscan: number,
): FixedRowWindow {
  const visible = viewport.last - viewport.first;
  // Scrolled past the end of a list that just shrank: show its last screenful, not an empty
  // window. The browser clamps scrollTop and its scroll event brings the viewport in line, so
  // a change of `count` needs no DOM read of its own (no forced layout per join or leave).
  const first = Math.min(viewport.first, Math.max(0, count - visible));
  return {
    start: Math.max(0, first - overscan),
    end: Math.max(0, Math.min(count, first + visible + overscan)),
    totalHeight: Math.max(0, count) * rowHeight,
    top: (index) => index * rowHeight,
  };
}
