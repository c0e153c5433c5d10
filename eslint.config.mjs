// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import localLayers from './.eslint-plugin-local/layers.mjs';

/**
 * The design's folder rules, enforced here so that a wrong import fails
 * `npm test`:
 *   shared/        imports nothing outside itself: no Node, no DOM, no React, no electron
 *   src-renderer/  imports shared/ and itself: no Node, no src-main/, no electron;
 *                  its state/ and lib/ never import screens/ or components/
 *   src-main/      imports shared/ and itself; only src-main/app/ imports electron;
 *                  inside it, each folder imports only the layers below it and
 *                  only vault/ imports SQLite (.eslint-plugin-local/layers.mjs)
 */
const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electron = { name: 'electron', message: "Only src-main/app/ may import 'electron'." };
const nodeBuiltins = nodeModules.map((name) => ({ name, message: 'Node APIs are not available here.' }));

/** What no renderer file may import: the main side, and (as values) the modules built on zod. */
const rendererPatterns = [
  { group: ['**/src-main/**', '**/src-main'], message: 'The renderer reaches the main side only through window.soleNotes.' },
  {
    // zod compiles its checks with new Function, which the renderer's CSP (no 'unsafe-eval') refuses.
    group: ['**/shared/api/*Schemas', '**/shared/api/schemas', '**/shared/api/contract', '**/shared/api/describeIssues', '**/shared/api/index', '**/shared/report/document', '**/shared/redaction/findingSchema', '**/shared/redaction/eval/**'],
    allowTypeImports: true,
    message: "Modules built on zod cannot run under the renderer's CSP: import their types only, and rules from a zod-free module (shared/domain, shared/api/textRules).",
  },
];

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'location', 'process', 'Buffer', 'require', 'global', '__dirname'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', '.tools/**', 'dist/**', 'release/**', 'out/**', 'coverage/**', '**/*.d.ts', '**/*.d.mts'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, ...nodeBuiltins, { name: 'react', message: 'shared/ holds no UI code.' }],
          patterns: [
            { group: ['../../*', '**/src-main/**', '**/src-renderer/**'], message: 'shared/ imports nothing outside itself.' },
            { group: ['react-dom', 'react-dom/*', 'react/*'], message: 'shared/ holds no UI code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'shared/ is pure: no Node or DOM globals.' }))],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [electron, ...nodeBuiltins], patterns: rendererPatterns }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The renderer has no Node.' }, { name: 'require', message: 'The renderer has no Node.' }],
    },
  },
  {
    // The renderer's stores and helpers sit below its screens: screens use them, never the other way round.
    files: ['src-renderer/state/**/*.{ts,tsx}', 'src-renderer/lib/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electron, ...nodeBuiltins],
          patterns: [...rendererPatterns, { group: ['**/screens/**', '**/screens', '**/components/**', '**/components'], message: 'state/ and lib/ sit below the screens: they never import a screen or a component.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [{ group: ['**/src-renderer/**', '**/src-main/app/**', '../app/*', '../../app/*', './app/*'], message: 'Only src-main/app/ uses Electron; the rest of src-main runs under plain Node.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    plugins: { local: localLayers },
    rules: { 'local/layers': 'error' },
  },
  {
    files: ['src-main/app/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-renderer/**'], message: 'The main side never imports renderer code.' }] },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bin/**/*.mjs', '*.config.{ts,mjs}', '.ci/**', '.eslint-plugin-local/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Preloaded with `node --require` into test child processes, so CommonJS.
    files: ['tests/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
