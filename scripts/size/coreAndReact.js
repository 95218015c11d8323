// Everything `presence-kit` and `presence-kit/react` export, for the size budget in .size-limit.js
// (size-limit's `import: '*'` takes one file at a time).
export * from '../../dist/index.js';
export * from '../../dist/react/index.js';
