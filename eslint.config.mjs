// `npm run lint` (a step of .ci/run before `npm test`): ESLint's and typescript-eslint's
// recommended rules on the server, the tests, the scripts and the web UI, three type-aware rules
// on promises, React's rules of hooks in the UI.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'test-results/**', 'backups/**', '.data*/**', '.node-versions/**', 'src/web/gql/**', 'test/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain CommonJS run by Node before anything is built (scripts/build.js, the jest configuration).
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.mts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Type-aware rules where they are cheap and catch real bugs: a promise nobody awaits or
    // handles (its rejection is lost), awaiting what is not a promise, a promise where a
    // callback's result is ignored. Everything in TypeScript; each file is checked against its
    // own tsconfig (the UI's is src/web/tsconfig.json).
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    // The UI has its own tsconfig and the PostGraphile bench server is outside the project's (it runs on Node 24).
    ignores: ['bench/peers/postgraphile-server.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    rules: {
      // `_name` marks a parameter or a destructured value kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
);
