import { createRequire } from 'node:module';
import Module from 'node:module';

// vitest's aliases reach only the code it transforms. CommonJS dependencies it leaves to Node
// (use-sync-external-store, react-dom's own files) `require('react')` through Node, which would
// find the repository's React 19 next to them: two Reacts, and "Invalid hook call". Resolve those
// requests from the fixture instead, so this worker (one per test file) has one React, and it is 18.
const REDIRECTED = new Set([
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  'react-dom/server',
  'react-dom/test-utils',
]);

// From this folder, Node's resolution finds the fixture's node_modules first.
const fromFixture = createRequire(import.meta.url);

interface ResolvingModule {
  _resolveFilename(request: string, ...rest: unknown[]): string;
}
const loader = Module as unknown as ResolvingModule;
const resolve = loader._resolveFilename.bind(Module);
let redirecting = false;
loader._resolveFilename = (request, ...rest) => {
  // `fromFixture.resolve` comes back through here: resolve that inner call normally.
  if (redirecting || !REDIRECTED.has(request)) return resolve(request, ...rest);
  redirecting = true;
  try {
    return fromFixture.resolve(request);
  } finally {
    redirecting = false;
  }
};
