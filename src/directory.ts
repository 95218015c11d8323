/**
 * presence-kit/directory: the opt-in whereNow directory. Imported on its own so that an app that
 * never turns it on ships none of it.
 */
export { whereNowDirectory } from './core/queries/whereNowDirectory.js';
export type { WhereNowDirectoryOptions } from './core/queries/whereNowDirectory.js';
