/**
 * A jsdom window as the global environment, so react-dom's client renderer runs in Node (the
 * memory bench mounts real providers). Node's own Uint8Array, TextEncoder and WebCrypto stay.
 */
import { JSDOM } from 'jsdom';

/** Installs jsdom's window, document and the DOM classes React touches; returns the window. */
export function installDom(): Window {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  });
  const win = dom.window as unknown as Window & typeof globalThis;
  const g = globalThis as Record<string, unknown>;
  for (const key of [
    'window',
    'document',
    'navigator',
    'HTMLElement',
    'Node',
    'Event',
    'MouseEvent',
    'KeyboardEvent',
    'FocusEvent',
    'PointerEvent',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'getComputedStyle',
    'MutationObserver',
  ]) {
    if (key === 'window') g.window = win;
    else if (key in win && !(key in g && key === 'Event')) {
      const value = (win as unknown as Record<string, unknown>)[key];
      g[key] = typeof value === 'function' && /^[a-z]/.test(key) ? value.bind(win) : value;
    }
  }
  g.IS_REACT_ACT_ENVIRONMENT = true;
  return win;
}
