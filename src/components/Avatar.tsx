import { useState } from 'react';
import type { DisplayProfile } from '../core/index.js';

/** Props of {@link Avatar}. */
export interface AvatarProps {
  /** A profile from `resolveProfile` (already made safe). */
  profile: DisplayProfile;
  /** Added to the root `<span>`'s `pk-avatar` class. */
  className?: string;
}

/**
 * A user's picture, or their initials on their colour when there is no allowed image URL or the
 * image fails to load. Decorative (`aria-hidden`): put the name in the surrounding element's text.
 * The initials are drawn by the stylesheet from `data-initials` rather than written as text, so
 * they never count as a control's visible label. Size it with `--pk-avatar-size`.
 */
export function Avatar({ profile, className }: AvatarProps) {
  // Remembered per URL, so a new URL gets its own chance to load.
  const [failedUrl, setFailedUrl] = useState<string>();
  const url = profile.avatarUrl !== failedUrl ? profile.avatarUrl : undefined;
  return (
    <span
      className={className === undefined ? 'pk-avatar' : `pk-avatar ${className}`}
      style={{ background: profile.color, color: profile.textColor }}
      data-image={url !== undefined}
      data-initials={url === undefined ? profile.initials : undefined}
      aria-hidden="true"
    >
      {url === undefined ? null : (
        <img
          src={url}
          alt=""
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          draggable={false}
          onError={() => setFailedUrl(url)}
        />
      )}
    </span>
  );
}
