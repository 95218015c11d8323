// Twelve colours that each keep white initials at WCAG AA contrast (4.9:1 or better).
const PALETTE = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#15803d',
  '#0f766e',
  '#0369a1',
  '#1d4ed8',
  '#6d28d9',
  '#a21caf',
  '#be185d',
  '#4d7c0f',
  '#475569',
] as const;

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * A colour picked from the user id alone, so every client shows the same user in the same colour.
 * White text on it meets WCAG AA.
 *
 * @example
 * stableColor('alice'); // the same '#rrggbb' on every client, every time
 */
export function stableColor(userId: string): string {
  // FNV-1a: tiny, and spreads short ids well over the palette.
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length] ?? PALETTE[0];
}

/**
 * A remote colour made safe for a CSS value: only `#rgb` and `#rrggbb` pass (no `url(...)`, no
 * `var(...)`, no expressions), lower-cased; anything else is `undefined`.
 */
export function safeColor(color: unknown): string | undefined {
  return typeof color === 'string' && HEX_COLOR.test(color) ? color.toLowerCase() : undefined;
}

/** `'#fff'` or `'#000'`, whichever reads better on the `#rgb`/`#rrggbb` colour `background`. */
export function textColorOn(background: string): string {
  const hex = background.length === 4 ? background.replace(/\w/g, '$&$&') : background;
  const channel = (at: number) => {
    const v = parseInt(hex.slice(at, at + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Equal contrast against black and white sits at luminance ~0.179.
  return luminance > 0.179 ? '#000' : '#fff';
}
