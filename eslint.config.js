import js from '@eslint/js';
import compat from 'eslint-plugin-compat';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const screens = ['kiosk-ui', 'display-ui', 'rating-ui', 'desk-ui', 'admin-ui', 'book-ui'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['*-ui/src/**/*.{ts,tsx}', 'ui-kit/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The screens run on old office PCs, TV sticks and tablets: no browser API newer than the build target (vite-screen.ts).
  {
    files: ['*-ui/src/**/*.{ts,tsx}', 'ui-kit/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { compat },
    settings: { browsers: ['chrome >= 69', 'firefox >= 62', 'safari >= 12'] },
    rules: {
      'compat/compat': 'error',
      // Not seen by compat/compat: Chrome 71 and 63.
      'no-restricted-globals': ['error', { name: 'globalThis', message: 'Use window: Chrome before 71 lacks globalThis.' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='finally']", message: 'Use then(ok, fail): Chrome before 63 lacks Promise.prototype.finally.' }],
    },
  },
  {
    files: ['test/src/**/*.ts', 'bench/src/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // The server logs through its structured logger (server/src/log.ts), passed down from the composition root.
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/main.ts', 'server/src/auth/hash-password-cli.ts', '**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  // Floors of the building: nothing imports upward (ARCHITECTURE.md).
  {
    files: ['server/src/queue/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['better-sqlite3', 'hono', 'hono/*', '@hono/*', 'socket.io', 'serialport', 'node:*', '../store/*', '../http/*', '../floor/*'], message: 'The queue domain is pure: no I/O, clock or ids of its own.' }] },
      ],
    },
  },
  {
    files: ['protocol/src/**/*.ts', 'drivers/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@qms/server', '@qms/server/*', '@qms/ui-kit', ...screens.map((s) => `@qms/${s}`)], message: 'protocol and drivers sit on the ground floor.' }] }] },
  },
  // The city hub shares protocol with the centers, never the center server's code (ARCHITECTURE.md).
  {
    files: ['hub/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@qms/server', '@qms/server/*', '**/server/src/**'], message: 'The hub shares only @qms/protocol with the center server.' }] }] },
  },
  {
    files: ['ui-kit/src/**/*.{ts,tsx}', ...screens.map((s) => `${s}/src/**/*.{ts,tsx}`)],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@qms/server', '@qms/server/*', '@qms/drivers', '**/server/src/**'], message: 'Screens share only @qms/protocol (and ui-kit) with the server.' }] }],
    },
  },
);
