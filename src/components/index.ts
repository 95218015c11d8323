/**
 * presence-kit/components: ready-made presence UI on top of `presence-kit/react`. Styles ship
 * separately in `presence-kit/styles.css`.
 */
export type { LabelOverrides } from './labels.js';
