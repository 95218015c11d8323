import { describe, expect, it } from 'vitest';
import { hasColour } from '../../playground/src/emojiSupport.js';

/** RGBA pixels from [r, g, b, a] tuples. */
const pixels = (...rgba: [number, number, number, number][]) => Uint8ClampedArray.from(rgba.flat());

describe('hasColour (the playground hides emoji on systems that draw them as boxes)', () => {
  it('finds a colour emoji among transparent and grey pixels', () => {
    expect(hasColour(pixels([0, 0, 0, 0], [60, 60, 60, 255], [250, 200, 40, 255]))).toBe(true);
  });

  it('calls a black box, a grey outline or nothing at all "no colour"', () => {
    expect(hasColour(pixels())).toBe(false);
    expect(hasColour(pixels([0, 0, 0, 255], [128, 128, 128, 180], [20, 24, 30, 255]))).toBe(false);
  });

  it('ignores colour in fully transparent pixels', () => {
    expect(hasColour(pixels([255, 0, 0, 0]))).toBe(false);
  });
});
