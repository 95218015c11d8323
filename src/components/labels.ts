import { useMemo } from 'react';

/**
 * Every visible string of a component, as a partial override: pass only the ones you change
 * (`labels={{ more: (n) => `+${n} más` }}`). Strings that depend on data are functions.
 */
export type LabelOverrides<L> = Partial<L>;

/** Internal: the component's default strings with the caller's overrides on top, memoised. */
export function useLabels<L extends object>(defaults: L, overrides: Partial<L> | undefined): L {
  return useMemo(
    () => (overrides === undefined ? defaults : { ...defaults, ...overrides }),
    [defaults, overrides],
  );
}
