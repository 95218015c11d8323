import type { OccupantStatus } from 'presence-kit';

const HUES = [12, 38, 95, 160, 195, 225, 265, 310];

function hueFor(userId: string): number {
  let hash = 0;
  for (const char of userId) hash = (hash * 33 + char.charCodeAt(0)) >>> 0;
  return HUES[hash % HUES.length] ?? 200;
}

interface AvatarProps {
  userId: string;
  name: string;
  /** The user's own status: a green or red dot. */
  status: string | undefined;
  /** The kit's certainty: `stale` and `leaving` fade the avatar. */
  presence?: OccupantStatus;
  size?: 'md' | 'lg';
}

/** Initials on a colour picked from the user id, with a status dot. */
export function Avatar({ userId, name, status, presence = 'online', size = 'md' }: AvatarProps) {
  const initials = name.slice(0, 2).toUpperCase();
  return (
    <span
      className={`avatar avatar-${size}`}
      data-presence={presence}
      style={{ '--hue': hueFor(userId) } as React.CSSProperties}
      aria-hidden="true"
    >
      {initials}
      <span className="avatar-dot" data-status={status ?? 'unknown'} />
    </span>
  );
}
