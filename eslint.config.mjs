// ESLint flat config: type-aware TypeScript rules, and the layer rules of
// DESIGN.md enforced by import restrictions (domain imports nothing outward;
// ui never touches SharePoint code; data knows no UI), one import at a time.
// .dependency-cruiser.cjs (`npm run depcruise`) checks the same layers over the
// whole graph: transitive reach, cycles, and UI features importing each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test/artifacts/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      [
        '**/data/**', '**/data', '**/ui/**', '**/notify/**', '**/teams/**', '**/local/**', '**/cli/**', '**/i18n/**',
        'react', 'react-dom', '@pnp/*', '@microsoft/teams-js', '@fluentui/*', 'better-sqlite3', 'node:*', 'fs', 'http', 'path',
      ],
      'src/domain is pure: types and rules only, no I/O, no UI, no SharePoint (DESIGN.md layers).',
    ),
  },
  {
    files: ['src/data/**/*.ts'],
    rules: restrict(
      ['**/ui/**', '**/notify/**', '**/teams/**', '**/cli/**', '**/local/**', '**/app/**', 'react', 'react-dom', '@fluentui/*'],
      'src/data knows SharePoint and the domain only (DESIGN.md layers).',
    ),
  },
  {
    // The same rule as .dependency-cruiser.cjs's app-imports-domain-only, one import at a time.
    files: ['src/app/**/*.ts'],
    rules: restrict(
      [
        '**/data/**', '**/data', '**/ui/**', '**/notify/**', '**/teams/**', '**/local/**', '**/cli/**', '**/i18n/**',
        '**/transfer/**', '**/functions/**', 'react', 'react-dom', '@pnp/*', '@fluentui/*', '@microsoft/teams-js', 'better-sqlite3',
      ],
      'src/app (use cases) imports the domain (and src/lib) only; adapters are passed in (DESIGN.md layers).',
    ),
  },
  {
    files: ['src/notify/**/*.ts'],
    rules: restrict(
      ['**/ui/**', '**/teams/**', '**/cli/**', '**/local/**', '**/data/**', '**/data', 'react', 'react-dom', '@fluentui/*', '@pnp/*'],
      'src/notify builds cards from domain data and sends them through a transport; it reaches no SharePoint code (DESIGN.md layers).',
    ),
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: restrict(
      ['../**', 'react', 'react-dom', '@pnp/*', '@fluentui/*', '@microsoft/teams-js', 'better-sqlite3', 'node:*', 'fs', 'http', 'path'],
      'src/lib holds generic, project-agnostic helpers (retry, concurrency, redaction): it imports nothing of the project.',
    ),
  },
  {
    files: ['src/transfer/**/*.ts'],
    rules: restrict(
      [
        '**/data/**', '**/data', '**/ui/**', '**/notify/**', '**/teams/**', '**/local/**', '**/cli/**', '**/i18n/**',
        'react', 'react-dom', '@pnp/*', '@fluentui/*', '@microsoft/teams-js', 'better-sqlite3', 'node:*', 'fs', 'http', 'path',
      ],
      'src/transfer reads and writes files (CSV, JSON, Excel) over the domain and exceljs only (DESIGN.md layers).',
    ),
  },
  {
    // Use cases: the domain's rules over its ports; what they need from outside is injected.
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/reminders*', 'src/app/reminders/**'],
    rules: restrict(
      [
        '**/data/**', '**/data', '**/ui/**', '**/notify/**', '**/teams/**', '**/local/**', '**/cli/**', '**/transfer/**',
        '**/functions/**', 'react', 'react-dom', '@pnp/*', '@fluentui/*', '@microsoft/teams-js', 'better-sqlite3', 'node:*',
      ],
      'src/app holds use cases over the domain and its ports only; stores, transports and cards are injected (DESIGN.md layers).',
    ),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/teams/**/*.{ts,tsx}'],
    rules: restrict(
      ['@pnp/*', '**/data/schema/**', '**/local/**', '**/cli/**', 'better-sqlite3', 'node:*', '**/notify/**'],
      'The tab never touches SharePoint code directly: it goes through the repositories (DESIGN.md layers).',
    ),
  },
  {
    // The composition root may build and send a card (notify's cards and transports), and nothing else may.
    files: ['src/ui/app/services.ts'],
    rules: restrict(
      ['@pnp/*', '**/data/schema/**', '**/local/**', '**/cli/**', 'better-sqlite3', 'node:*', '**/notify/setup', '**/notify/job'],
      'services.ts may use src/notify/cards and src/notify/transports only; the rest of notify is Node-only (DESIGN.md layers).',
    ),
  },
);
