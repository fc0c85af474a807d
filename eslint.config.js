import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The floors of src/, bottom up: a folder may import its own files and the floors below it,
 * never one above or beside it (README, "Architecture"). Data flows one way.
 */
const FLOORS = [
  ['config', 'fsutil'],
  ['sources', 'onnx'],
  ['vectors'],
  ['retrieval'],
  ['staging', 'release'],
  ['gate'],
  ['report', 'github'],
  ['action', 'cli'],
];
const ALL = FLOORS.flat();
const below = (folder) =>
  FLOORS.slice(
    0,
    FLOORS.findIndex((f) => f.includes(folder)),
  ).flat();

/** One no-restricted-paths zone per folder: everything that is neither itself nor below it. */
const layerZones = ALL.map((folder) => ({
  target: `./src/${folder}`,
  from: ALL.filter((other) => other !== folder && !below(folder).includes(other)).map(
    (other) => `./src/${other}`,
  ),
  message: `src/${folder} may import only ${below(folder).join(', ') || 'nothing else in src/'} (the floors below it)`,
}))
  // The top floor's two entry points are the only exception to "nothing beside": the CLI
  // and the Action share the layers under them but never each other.
  .filter((zone) => zone.from.length > 0);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Only the edges talk to the terminal.
    files: ['src/cli/**', 'bench/**', 'scripts/**', 'examples/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Layering: no cycles, no import from a floor above, @actions/* only in action/ and github/.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // The module graph is parsed with the TypeScript parser (without it no-cycle sees no edges).
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*'],
              message: 'only src/action/ and src/github/ talk to GitHub (@actions/*)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/action/**/*.ts', 'src/github/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
