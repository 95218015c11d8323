/**
 * Whether this system draws colour emoji. Where it does not (a server or CI image without an
 * emoji font), an emoji comes out as an empty box or a bare outline; the page then hides the
 * glyphs and keeps their words (see `<Emoji>`), rather than show boxes.
 */
export function drawsColourEmoji(doc: Document = document): boolean {
  const canvas = doc.createElement('canvas');
  canvas.width = 20;
  canvas.height = 20;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) return true; // cannot tell: keep the emoji
  context.font = '16px "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif';
  context.textBaseline = 'top';
  // Drawn in black: a missing glyph's box, or a monochrome emoji, stays grey; a colour one does not.
  context.fillStyle = '#000';
  context.fillText('🙂', 0, 0);
  return hasColour(context.getImageData(0, 0, 20, 20).data);
}

/** Whether any visible pixel in RGBA `pixels` is clearly not grey. */
export function hasColour(pixels: ArrayLike<number>): boolean {
  for (let i = 0; i + 3 < pixels.length; i += 4) {
    const r = pixels[i] ?? 0;
    const g = pixels[i + 1] ?? 0;
    const b = pixels[i + 2] ?? 0;
    const alpha = pixels[i + 3] ?? 0;
    if (alpha > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 32) return true;
  }
  return false;
}
