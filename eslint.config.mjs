import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import {
  dataAccessPlugin,
  DATA_ACCESS_FILES,
  knownViolations,
} from './scripts/lint/data-access.mjs';

export default tseslint.config(
  // The architecture fixture holds deliberate violations; scripts/architecture.sh lints it alone.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/architecture/fixture/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  // Data access (issue 15): the convention is described in scripts/lint/data-access.mjs.
  { plugins: { 'data-access': dataAccessPlugin } },
  {
    files: ['src/**/*.ts', 'test/architecture/fixture/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'src/database/**', ...knownViolations],
    rules: { 'data-access/no-data-source': 'error', 'data-access/no-raw-sql': 'error' },
  },
  { files: DATA_ACCESS_FILES, rules: { 'data-access/no-raw-sql': 'off' } },
);
