import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { lazySchemasRule } from './src-main/tooling/eslint-lazy-schemas.js';

const uiAndHostPackages = ['react', 'react-dom', '@xyflow/react', 'electron', 'dexie', 'dexie-react-hooks', 'zustand'];
const corePaths = uiAndHostPackages.map((name) => ({ name, message: 'src-shared is the pure domain core: no UI, Electron or storage packages.' }));
const corePatterns = [
  { group: ['node:*'], message: 'src-shared must not use Node APIs.' },
  { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared depends on nothing else in the project.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tsbuild/**', 'resources/**', '.scratch/**', 'test-results/**', 'tests/bench/.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Loading a module that declares zod schemas builds none of them (src-shared/schema/lazy-schema.ts).
    files: ['src-shared/**/*.ts', 'src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src-shared/testing/**'],
    plugins: { local: { rules: { 'lazy-schemas': lazySchemasRule } } },
    rules: { 'local/lazy-schemas': 'error' },
  },
  {
    // The domain core stays pure: it must run in a worker, in Node and in the delivery runtime.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: corePaths,
          patterns: corePatterns,
        },
      ],
    },
  },
  {
    // The flow document (schema, validation, import) never loads the engine. Node runtimes sit
    // beside their kinds but build on the engine, which looks them up (flow/nodes/runtimes.ts).
    files: ['src-shared/flow/**/*.ts'],
    ignores: ['src-shared/flow/nodes/*-runtime.ts', 'src-shared/flow/nodes/runtimes.ts', 'src-shared/flow/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: corePaths,
          patterns: [...corePatterns, { group: ['**/engine', '**/engine/**', '**/runtimes', '**/*-runtime'], message: 'The flow document layer does not load the engine or node runtimes.' }],
        },
      ],
    },
  },
  {
    // Tests of the core may read fixtures from disk; they still may not pull in UI packages.
    files: ['src-shared/**/*.test.ts', 'src-shared/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: uiAndHostPackages.map((name) => ({ name, message: 'src-shared tests stay free of UI, Electron and storage packages.' })) },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src-main/**'], message: 'The renderer talks to the host only through the host contract.' }] }],
    },
  },
  {
    files: ['src-main/**/*.{ts,mjs}', 'tests/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src-renderer/**'], message: 'Main and renderer only share src-shared.' }] }],
    },
  },
);
