import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

// ---------------------------------------------------------------------------------------------
// Import cycles. `import-x/no-cycle` skips `import type` edges (it has no option to count them),
// and a cycle through types is still two modules that cannot be understood apart. So a small
// local rule walks the whole relative-import graph of src/, type imports and re-exports
// included, and `import-x/no-cycle` stays on for the value edges.
// ---------------------------------------------------------------------------------------------
const SRC = path.resolve('src');
const graph = new Map(); // file -> { mtimeMs, deps: string[] }

/** The file a relative specifier names (`./a.js` is `./a.ts` in src), or null. */
function resolveRelative(fromFile, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), spec);
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  const candidates = [`${stem}.ts`, `${stem}.tsx`, base, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null;
}

/** Every module under src/ that `file` imports, re-exports or dynamically imports. */
function depsOf(file) {
  const { mtimeMs } = fs.statSync(file);
  const cached = graph.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.deps;
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const deps = info.importedFiles
    .map((ref) => resolveRelative(file, ref.fileName))
    .filter((dep) => dep !== null && dep.startsWith(SRC + path.sep));
  graph.set(file, { mtimeMs, deps });
  return deps;
}

/** The shortest import path from `start` back to `target`, or null. */
function pathBack(start, target) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const dep of depsOf(file)) {
      if (dep === target) {
        const route = [file];
        for (let at = previous.get(file); at !== null; at = previous.get(at)) route.unshift(at);
        return route;
      }
      if (previous.has(dep)) continue;
      previous.set(dep, file);
      queue.push(dep);
    }
  }
  return null;
}

const noTypeCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles among src/ modules, `import type` edges included.' },
    messages: { cycle: 'Import cycle (type imports count): {{route}}' },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename;
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      const dep = resolveRelative(file, spec);
      const back = dep && dep.startsWith(SRC + path.sep) ? pathBack(dep, file) : null;
      if (!back) return;
      const route = [file, ...back, file].map((f) => path.relative(SRC, f)).join(' -> ');
      context.report({ node, messageId: 'cycle', data: { route } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Layers (see the README's map): a file may import only what its layer allows. `import type`
// counts as an import here too.
// ---------------------------------------------------------------------------------------------
const up = String.raw`^(\.\./)+`;
const layer = (...patterns) => ['error', { patterns }];
const forbid = (regex, message) => ({ regex, message });
const anyPackageSelf = forbid(
  '^presence-kit(/|$)',
  'Inside src, import other folders by relative path, not by the package name.',
);

const coreLayer = layer(
  forbid(String.raw`^react(-dom)?(/|$)|^use-sync-external-store`, 'src/core never imports React.'),
  forbid(
    '^zustand(/(react|traditional))?$',
    'src/core uses zustand/vanilla only (zustand itself imports React).',
  ),
  forbid(`${up}(react|components)(/|$)`, 'src/core never imports src/react or src/components.'),
  forbid(`${up}server(/|$)`, 'src/core never imports src/server.'),
  anyPackageSelf,
);
const reactLayer = layer(
  forbid(`${up}(server|components)(/|$)`, 'src/react never imports src/server or src/components.'),
  forbid(
    String.raw`^\.\./core/(?!index\.js$)`,
    'src/react imports core only through ../core/index.js.',
  ),
  anyPackageSelf,
);
const serverLayer = layer(
  forbid(
    `${up}(core|react|components)(/|$)`,
    'src/server never imports src/core, src/react or src/components.',
  ),
  forbid(String.raw`^react(-dom)?(/|$)`, 'src/server never imports React.'),
  anyPackageSelf,
);
const componentsLayer = layer(
  forbid(
    String.raw`${up}(react|core)/(?!index\.js$)`,
    'src/components use only the public barrels of src/react and src/core.',
  ),
  forbid(`${up}server(/|$)`, 'src/components never import src/server.'),
  anyPackageSelf,
);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'storybook-static',
      'playground/dist',
      'coverage',
      'test-results',
      'bench/peers/node_modules',
      'test/react18/node_modules',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs}', 'scripts/**', 'bench/**', 'test/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, local: { rules: { 'no-type-cycle': noTypeCycle } } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'local/no-type-cycle': 'error',
    },
  },
  { files: ['src/core/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': coreLayer } },
  { files: ['src/react/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': reactLayer } },
  { files: ['src/server/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': serverLayer } },
  { files: ['src/components/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': componentsLayer } },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
