import { shallow } from 'zustand/vanilla/shallow';

/**
 * One-level equality for arrays, plain objects, Maps and Sets (zustand's `shallow`). Pass it as
 * `isEqual` when a selector builds a new array or object.
 *
 * @example
 * const ids = useOthers((others) => others.map((o) => o.userId), shallowEqual);
 */
export const shallowEqual: <T>(a: T, b: T) => boolean = shallow;
