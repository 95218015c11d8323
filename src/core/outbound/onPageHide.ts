/**
 * Calls `onHide` when the page is hidden for good (tab closed, navigation, bfcache). supabase-js's
 * socket (phoenix) disconnects on the same `pagehide` event; a capturing listener on the window
 * runs before phoenix's bubbling one, so our goodbye still leaves on the open socket and others
 * see REMOTE_LEAVE instead of REMOTE_TIMEOUT. Returns a remover; a no-op outside browsers.
 */
export function onPageHide(onHide: () => void): () => void {
  const target = (globalThis as { window?: EventTarget }).window;
  if (target === undefined || typeof target.addEventListener !== 'function') return () => {};
  const listener = () => onHide();
  // `beforeunload` comes first on a tab close, while the socket is surely open; `pagehide` covers
  // bfcache and closes without it. Each room says its goodbye once for both (`announceLeave`), and
  // never once the socket is closing (it would go through supabase-js' REST fallback). A goodbye
  // followed by staying is undone by the next state, after which the next hide says it again.
  const events = ['beforeunload', 'pagehide'] as const;
  for (const event of events) target.addEventListener(event, listener, { capture: true });
  return () => {
    for (const event of events) target.removeEventListener(event, listener, { capture: true });
  };
}
