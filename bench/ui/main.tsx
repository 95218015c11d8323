// The render counter must be installed before react-dom loads (it reads the DevTools hook once).
import './renderCounter.js';
import 'presence-kit/styles.css';
import { runSubject } from './runSubject.js';

declare global {
  interface Window {
    /** What bench/ui/ui.bench.ts drives through Playwright. */
    uiBench?: { runSubject: typeof runSubject };
  }
}

window.uiBench = { runSubject };
