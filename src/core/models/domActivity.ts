import type { ActivitySource } from './idleTypes.js';

const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

/**
 * The page as an activity source: pointer, key, wheel, touch and focus events on `window`, and the
 * tab becoming visible. Outside a browser it reports nothing. Listeners are passive and in the
 * capture phase, so an app's `stopPropagation` cannot hide activity and scrolling stays smooth.
 */
export const domActivity: ActivitySource = (onActivity) => {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const options = { capture: true, passive: true } as const;
  const onVisibility = () => {
    if (document.visibilityState === 'visible') onActivity();
  };
  for (const type of EVENTS) window.addEventListener(type, onActivity, options);
  document.addEventListener('visibilitychange', onVisibility, options);
  return () => {
    for (const type of EVENTS) window.removeEventListener(type, onActivity, options);
    document.removeEventListener('visibilitychange', onVisibility, options);
  };
};
