/**
 * One memory measurement in a fresh process (so no earlier measurement's garbage or pending
 * timers sit in its baseline): `store <kit|bare|peer> <n>` or `providers <cycles>`. Prints one
 * `RESULT <json>` line.
 */
import { printResult } from '../support/runForResult.js';
import { installDom } from './domGlobals.js';

const [what, a = '', b = ''] = process.argv.slice(2);
let result: unknown;
if (what === 'store') {
  const { heapOf } = await import('./storeHeap.js');
  const subject = a as 'kit' | 'bare' | 'peer';
  // First use (JIT, hidden classes, lazily built tables) falls outside the measured round.
  await heapOf(subject, 200);
  result = await heapOf(subject, Number(b));
} else if (what === 'providers') {
  // react-dom decides at load whether it runs in a DOM: the window first, then the import.
  installDom();
  const { providerCycles } = await import('./providerCycles.js');
  result = await providerCycles(Number(a));
} else throw new Error(`memory child: unknown measurement ${String(what)}`);
printResult(result);
process.exit(0);
