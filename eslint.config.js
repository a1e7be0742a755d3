import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layering: core ← worker ← state ← view ← scene/ui. Nothing imports from a layer above it. */
const ONE_WAY = 'Imports point one way: core ← worker ← state ← view ← scene/ui.';
/** Scene and ui stand side by side: what both need lives in src/view, and App.tsx composes them. */
const SIDE_BY_SIDE = 'src/ui and src/scene never import each other: shared view code goes in src/view, App.tsx composes them.';
const layer = (files, forbidden, message = ONE_WAY) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node }, ecmaVersion: 2022 },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**', 'src/worker/**', 'src/state/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  layer(['src/core/**'], ['**/worker/**', '**/state/**', '**/view/**', '**/scene/**', '**/ui/**', 'react', 'react-dom', 'three', '@react-three/*', 'zustand', 'zustand/*']),
  layer(['src/worker/**'], ['**/state/**', '**/view/**', '**/scene/**', '**/ui/**', 'react', 'react-dom', 'three', '@react-three/*', 'zustand', 'zustand/*']),
  layer(['src/state/**'], ['**/view/**', '**/scene/**', '**/ui/**', 'three', '@react-three/*']),
  layer(['src/view/**'], ['**/scene/**', '**/ui/**', 'three', '@react-three/*'], SIDE_BY_SIDE),
  layer(['src/ui/**'], ['**/scene/**', 'three', '@react-three/*'], SIDE_BY_SIDE),
  layer(['src/scene/**'], ['**/ui/**'], SIDE_BY_SIDE),
);
