// Lint keeps the architecture honest: boundaries between workspaces and between web features.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const ours = (...names) => names.map((n) => ({ group: [`@portico/${n}`, `@portico/${n}/*`], message: `this workspace may not import @portico/${n} (see ARCHITECTURE.md)` }));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'no focused tests' }],
    },
  },
  { files: ['packages/contracts/**'], rules: restrict(ours('domain', 'openemr', 'openemr-sim', 'server', 'web')) },
  { files: ['packages/domain/**'], rules: restrict(ours('contracts', 'openemr', 'openemr-sim', 'server', 'web')) },
  { files: ['packages/openemr/**'], rules: restrict(ours('openemr-sim', 'server', 'web')) },
  // Tests may start the simulator in-process; they still reach it over HTTP only.
  { files: ['packages/openemr/**/*.test.ts'], rules: restrict(ours('server', 'web')) },
  { files: ['packages/openemr-sim/**'], rules: restrict(ours('domain', 'openemr', 'server', 'web')) },
  // The server reaches the simulator over HTTP only, never by import.
  { files: ['apps/server/**'], rules: restrict([...ours('openemr-sim', 'web'), { group: ['**/openemr-sim/**'], message: 'the server never imports the simulator' }]) },
  { files: ['apps/web/**'], rules: restrict(ours('openemr', 'openemr-sim', 'server')) },
  // Web features do not import each other: shared code lives in components/ or lib/.
  ...['dashboard', 'results', 'vitals', 'record', 'documents', 'appointments', 'auth'].map((f) => ({
    files: [`apps/web/src/features/${f}/**`],
    rules: restrict([...ours('openemr', 'openemr-sim', 'server'), { group: ['**/features/*', '**/features/*/**', `!**/features/${f}/**`], message: 'features do not import each other' }]),
  })),
);
