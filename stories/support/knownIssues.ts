/**
 * Accessibility exemptions for known component bugs, each named, scoped to the stories that show
 * the component, and to be removed with the fix. Everything else axe finds still fails a story.
 */

/**
 * MicSeats: a seat button's accessible name ("Seat 3, empty") does not contain its visible text
 * in order ("Empty", "3"), which axe reports as `label-content-name-mismatch` (WCAG 2.5.3,
 * Label in Name). Open: the component's names or its visible text must change.
 */
export const MIC_SEATS_A11Y = Object.freeze({
  test: 'error',
  config: { rules: [{ id: 'label-content-name-mismatch', enabled: false }] },
});
