/**
 * Counts the function components React actually ran, per commit, through the same hook React
 * DevTools uses (`__REACT_DEVTOOLS_GLOBAL_HOOK__`). Import this module before react-dom: React
 * reads the hook once, when react-dom loads, and then gives every fiber profiler timings.
 *
 * A fiber rendered in a commit when React began work on it after `since` (its `actualStartTime`,
 * on the same `performance.now()` clock) and its function ran (the `PerformedWork` flag, which
 * React clears on bailouts). Subtrees React never entered keep older start times and are skipped.
 */

interface Fiber {
  tag: number;
  flags: number;
  type: unknown;
  actualStartTime?: number;
  child: Fiber | null;
  sibling: Fiber | null;
}

interface FiberRoot {
  current: Fiber;
}

/** Renders since the last `resetRenders`, by component name. */
export interface RenderTally {
  total: number;
  byName: Record<string, number>;
}

const FUNCTION = 0;
const CLASS = 1;
const FORWARD_REF = 11;
const SIMPLE_MEMO = 15;
const PERFORMED_WORK = 1;

let since = Number.POSITIVE_INFINITY;
let tally: RenderTally = { total: 0, byName: {} };

function nameOf(fiber: Fiber): string {
  const type = fiber.type as { displayName?: string; name?: string; render?: { name?: string } };
  if (fiber.tag === FORWARD_REF) return type.displayName ?? type.render?.name ?? 'ForwardRef';
  return type.displayName ?? type.name ?? 'Anonymous';
}

function rendered(fiber: Fiber): boolean {
  const { tag } = fiber;
  const isComponent =
    tag === FUNCTION || tag === CLASS || tag === FORWARD_REF || tag === SIMPLE_MEMO;
  return isComponent && (fiber.flags & PERFORMED_WORK) !== 0;
}

function walk(root: Fiber): void {
  const stack: Fiber[] = [root];
  for (let fiber = stack.pop(); fiber !== undefined; fiber = stack.pop()) {
    if ((fiber.actualStartTime ?? -1) < since) continue;
    if (rendered(fiber)) {
      const name = nameOf(fiber);
      tally.total += 1;
      tally.byName[name] = (tally.byName[name] ?? 0) + 1;
    }
    for (let child = fiber.child; child !== null; child = child.sibling) stack.push(child);
  }
}

/** Starts a new tally: renders that begin at or after `at` (a `performance.now()` time) count. */
export function resetRenders(at: number): void {
  since = at;
  tally = { total: 0, byName: {} };
}

/** The renders counted since the last reset. */
export function readRenders(): RenderTally {
  return tally;
}

const hook = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map<number, unknown>(),
  inject(renderer: unknown): number {
    hook.renderers.set(1, renderer);
    return 1;
  },
  onCommitFiberRoot(_id: number, root: FiberRoot): void {
    walk(root.current);
  },
  onCommitFiberUnmount(): void {},
  onPostCommitFiberRoot(): void {},
  checkDCE(): void {},
};

(globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = hook;
