import { shallow } from 'zustand/vanilla/shallow';

/**
 * One-level equality for arrays, plain objects, Maps and Sets (zustand's `shallow`). Pass it as
 * `isEqual` when a selector builds a new array or object.
 *
 * @example
 * const moods = useOthers((others) => others.map((o) => o.state.mood), shallowEqual);
 */
export const shallowEqual: <T>(a: T, b: T) => boolean = shallow;
