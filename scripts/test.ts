// `npm test`: every suite, in sequence (2 cores), then one line `N passed, N failed` over all of them.
// Suites that need a service (PostgreSQL, Redis, Chromium) run when it is configured; with CI=true a missing
// service is a failure, never a silent skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const ci = process.env.CI === 'true';
const only = process.argv.slice(2);

interface Suite { name: string; args: string[]; env?: Record<string, string>; needs?: () => string | null }
const suites: Suite[] = [
  { name: 'unit-contract-integration-pglite', args: ['packages', 'apps', 'fixtures', 'scripts'], env: { PORTICO_TEST_DB: 'pglite' } },
  {
    // The server's integration tests again, on the real PostgreSQL and Redis.
    name: 'integration-postgres-redis', args: ['apps/server', '--exclude', '**/*.unit.test.ts'], env: { PORTICO_TEST_DB: 'postgres', PORTICO_TEST_CACHE: 'redis' },
    needs: () => (!process.env.DATABASE_URL ? 'DATABASE_URL is not set' : !process.env.REDIS_URL ? 'REDIS_URL is not set' : null),
  },
  { name: 'browser', args: ['e2e'], needs: () => (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') ? null : 'Chromium is not installed (apt-get install chromium)') },
];

let passed = 0;
let failed = 0;
for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
  const missing = suite.needs?.();
  if (missing) {
    if (ci) {
      process.stdout.write(`\n== ${suite.name}: FAILED, ${missing}\n`);
      failed += 1;
    } else process.stdout.write(`\n== ${suite.name}: not run here, ${missing} (CI runs it)\n`);
    continue;
  }
  process.stdout.write(`\n== ${suite.name}\n`);
  const report = path.join(out, `${suite.name}.json`);
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...suite.env },
  });
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    if (r.status !== 0 && json.numFailedTests === 0) failed += 1; // a suite that crashed or collected a failing file
    if (json.numTotalTests === 0) failed += 1; // a suite that ran nothing is broken
  } else failed += 1;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
