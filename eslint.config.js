// Lint keeps the architecture honest: boundaries between workspaces and between web features.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { boundariesPlugin } from './tools/eslint-boundaries.js';

const root = path.dirname(fileURLToPath(import.meta.url));

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
  { files: ['apps/server/**'], rules: restrict(ours('openemr-sim', 'web')) },
  { files: ['apps/web/**'], rules: restrict(ours('openemr', 'openemr-sim', 'server')) },
  // Relative imports, resolved: web features do not import each other; the server does not reach into the simulator.
  { files: ['apps/**/*.{ts,tsx}'], plugins: { portico: boundariesPlugin(root) }, rules: { 'portico/import-boundaries': 'error' } },
);
