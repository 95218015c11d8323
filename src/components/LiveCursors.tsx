import { forwardRef, useEffect, type HTMLAttributes, type PointerEvent } from 'react';
import type { CursorOptions } from '../core/index.js';
import { useCursors } from '../react/index.js';
import { LiveCursor } from './LiveCursor.js';
import { cx } from './occupantStatus.js';
import type { ProfileProps } from './profileProps.js';

/** Props of {@link LiveCursors}. Other `<div>` attributes pass through to the root. */
export interface LiveCursorsProps
  extends ProfileProps, CursorOptions, HTMLAttributes<HTMLDivElement> {}

/**
 * Live cursors over a shared surface: wraps `children` in a positioned `<div>`, sends our pointer
 * within it (normalised to 0 … 1, so every screen size agrees), hides it on pointer leave and
 * window blur, and draws everyone else's pointer as an arrow in their colour with their name.
 * The cursors are decorative (`aria-hidden`) and take no pointer events or focus, so the
 * children work as before. A move re-renders that one cursor. Broadcast only; the send rate
 * follows the room (see `createCursors`).
 *
 * @example
 * <LiveCursors className="whiteboard">
 *   <Canvas />
 * </LiveCursors>
 */
export const LiveCursors = forwardRef<HTMLDivElement, LiveCursorsProps>(function LiveCursors(
  {
    messagesPerSecond,
    minIntervalMs,
    getProfile,
    avatarOrigins,
    className,
    children,
    onPointerMove,
    onPointerLeave,
    ...rest
  },
  ref,
) {
  const { userIds, move } = useCursors({ messagesPerSecond, minIntervalMs });
  // A blurred window gets no pointerleave: the pointer may be anywhere by the time it is back.
  useEffect(() => {
    const hide = () => move(null);
    window.addEventListener('blur', hide);
    return () => {
      window.removeEventListener('blur', hide);
      hide();
    };
  }, [move]);
  const pointerMove = (event: PointerEvent<HTMLDivElement>) => {
    onPointerMove?.(event);
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width > 0 && box.height > 0)
      move({
        x: (event.clientX - box.left) / box.width,
        y: (event.clientY - box.top) / box.height,
      });
  };
  const pointerLeave = (event: PointerEvent<HTMLDivElement>) => {
    onPointerLeave?.(event);
    move(null);
  };
  return (
    <div
      ref={ref}
      className={cx('pk-live-cursors', className)}
      data-count={userIds.length}
      onPointerMove={pointerMove}
      onPointerLeave={pointerLeave}
      {...rest}
    >
      {children}
      <div className="pk-live-cursors__layer" aria-hidden="true">
        {userIds.map((userId) => (
          <LiveCursor
            key={userId}
            userId={userId}
            getProfile={getProfile}
            avatarOrigins={avatarOrigins}
            messagesPerSecond={messagesPerSecond}
            minIntervalMs={minIntervalMs}
          />
        ))}
      </div>
    </div>
  );
});
