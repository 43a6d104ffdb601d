// Lint: typescript-eslint's recommended rules over the worker, the CLI, scripts, tests and
// benchmarks. Run by `npm run lint`, which CI runs (.ci/run). Names starting with _ may go unused
// (destructuring to leave fields out). Tests may use `any` for parsed documents they inspect.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release-out/**', 'test-results/**', 'bench/dlp-eval/data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // A variable assigned once, after a closure that reads it was created, stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
