import type { ArgTypesEnhancer, StrictInputType } from 'storybook/internal/types';

// react-docgen hands the kit's JSDoc over as plain text: a prop's `@default 8` stays in its
// description (and the Default column says "-", since components take their defaults in the
// body), and an optional prop's `X | undefined` is summarised as just "union". This enhancer runs
// after docgen's and tidies both, so the tables say what the JSDoc says.

const DEFAULT_TAG = /\s*@default\s+(.+?)\s*$/s;

/** `'GetProfile<Occupant> | undefined'` → `'GetProfile<Occupant>'`. */
function withoutUndefined(raw: string): string {
  return raw.replace(/\s*\|\s*undefined\b/g, '').trim();
}

/** One row, tidied (or the same row when there is nothing to tidy). */
function tidy(argType: StrictInputType): StrictInputType {
  const table = { ...argType.table };
  let description = argType.description;
  const tag = description === undefined ? null : DEFAULT_TAG.exec(description);
  if (tag !== null && description !== undefined) {
    description = description.slice(0, tag.index);
    table.defaultValue ??= { summary: tag[1] ?? '' };
  }
  const raw = (argType.type as { raw?: unknown } | undefined)?.raw;
  if (table.type?.summary === 'union' && typeof raw === 'string')
    table.type = { ...table.type, summary: withoutUndefined(raw) };
  return { ...argType, ...(description === undefined ? {} : { description }), table };
}

/** Moves JSDoc `@default` values to the Default column and names union types in full. */
export const docgenTable: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(Object.entries(argTypes).map(([name, argType]) => [name, tidy(argType)]));
