import { expect } from 'storybook/test';

// Layout checks for play functions: sizes the browser computed, compared with what the element's
// own content and box need, never with fixed pixel values (fonts differ between machines).

function px(value: string): number {
  return Number.parseFloat(value) || 0;
}

/**
 * Expects a one-line control (a button) to be as tall as its text, padding and border make it,
 * not stretched by its container.
 */
export async function expectOwnHeight(element: Element): Promise<void> {
  const style = getComputedStyle(element);
  const natural =
    px(style.lineHeight) +
    px(style.paddingTop) +
    px(style.paddingBottom) +
    px(style.borderTopWidth) +
    px(style.borderBottomWidth);
  await expect(element.getBoundingClientRect().height).toBeCloseTo(natural, 0);
}

/** Expects each item to be exactly as tall as its child matching `selector` (no stretched rows). */
export async function expectRowsHug(items: Iterable<Element>, selector: string): Promise<void> {
  for (const item of items) {
    const child = item.querySelector(selector);
    await expect(child).not.toBeNull();
    await expect(item.getBoundingClientRect().height).toBeCloseTo(
      child?.getBoundingClientRect().height ?? 0,
      0,
    );
  }
}

/** Expects an element's text to fit inside it: nothing cut off at its edges. */
export async function expectTextFits(element: HTMLElement): Promise<void> {
  await expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
  await expect(element.scrollHeight).toBeLessThanOrEqual(element.clientHeight);
}
