/** Longest display text the kit renders, in code points, unless a caller asks for another cap. */
export const DISPLAY_TEXT_MAX = 64;

// C0/C1 controls, bidi embeddings/overrides/isolates and marks, line/paragraph separators,
// zero-width space and BOM. ZWJ/ZWNJ stay: emoji sequences and Persian/Indic scripts need them.
// A stray RLO in a name would otherwise flip the rest of the line it is rendered in.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/g;
const SPACES = /\s+/g;

/**
 * Makes remote text safe to show as a label: anything but a string becomes `''`; control and
 * bidirectional-formatting characters are removed; runs of whitespace become one space; the result
 * is trimmed and capped at `maxLength` code points (an ellipsis marks the cut). The result is still
 * text: render it as a React text child, never as HTML.
 *
 * @example
 * sanitizeDisplayText('\u202eevil\u0000 name'); // 'evil name'
 */
export function sanitizeDisplayText(text: unknown, maxLength: number = DISPLAY_TEXT_MAX): string {
  if (typeof text !== 'string') return '';
  // Cheap pre-cut so a hostile 256-char value never costs more than a short one.
  const clean = text
    .slice(0, maxLength * 4 + 16)
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .trim();
  const points = Array.from(clean);
  if (points.length <= maxLength) return clean;
  return `${points
    .slice(0, Math.max(0, maxLength - 1))
    .join('')
    .trimEnd()}…`;
}
