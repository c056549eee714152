// The configuration a clinic uses with a real OpenEMR, end to end, against the simulator as that OpenEMR:
// register a client with the CLI, connect the service account once by authorization code + PKCE through
// OpenEMR's login page, create a patient account with the CLI, then run Portico with only the OPENEMR_* settings
// (no service password: it lives on the stored, encrypted refresh token) and read the patient's dashboard.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '@portico/contracts';
import { startSimulatorProcess } from '../platform/openemr-sim-process';
import { cookieClient, freshPostgresDatabase } from '../testing/harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const FARRAH = 'a35fb11a-2531-4527-8e52-cfeea92ac44f';
let sim: Awaited<ReturnType<typeof startSimulatorProcess>>;
let dataDir: string;
let pgDb: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
const env: Record<string, string> = {};
// Children get only the settings this test chose: CI exports DATABASE_URL/REDIS_URL for the whole run.
const childEnv = () => {
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...rest } = process.env;
  return { ...rest, ...env };
};

beforeAll(async () => {
  sim = await startSimulatorProcess({ latencyMs: 0, timeZone: 'America/New_York' });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'portico-real-'));
  Object.assign(env, { PORTICO_DATA_DIR: dataDir, OPENEMR_BASE_URL: sim.url, OPENEMR_SITE: 'default', PORTICO_LOG_LEVEL: 'warn' });
  // The CLI runs and the server share the portal database: PGlite in the data dir, or a fresh PostgreSQL database.
  if (process.env.PORTICO_TEST_DB === 'postgres') {
    pgDb = await freshPostgresDatabase();
    env.DATABASE_URL = pgDb.url;
  }
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  await pgDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

function run(args: string[], onLine?: (line: string) => void): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/admin/cli.ts', ...args], { cwd: root, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    readline.createInterface({ input: child.stdout! }).on('line', (l) => ((out += l + '\n'), onLine?.(l)));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** What an administrator does in the browser: open the URL, sign in as the service user on OpenEMR's page. */
async function approveInBrowser(authorizeUrl: string): Promise<void> {
  const page = await (await fetch(authorizeUrl)).text();
  const authRequest = /name="auth_request" value="([^"]+)"/.exec(page)?.[1];
  if (!authRequest) throw new Error('no login form');
  const form = new URLSearchParams({ auth_request: authRequest.replace(/&amp;/g, '&').replace(/&quot;/g, '"'), username: 'portico-service', password: 'portico-service-pass', user_role: 'api' });
  const res = await fetch(`${sim.url}/oauth2/default/login`, { method: 'POST', body: form, redirect: 'manual' });
  const callback = res.headers.get('location');
  if (!callback) throw new Error(`login did not redirect: ${res.status}`);
  await fetch(callback);
}

describe('Portico against a real-OpenEMR configuration', () => {
  it('registers, connects by authorization code + PKCE, creates an account, and shows that patient', async () => {
    const reg = await run(['openemr:register', '--base-url', sim.url, '--redirect-port', '18765']);
    expect(reg.code).toBe(0);
    env.OPENEMR_CLIENT_ID = /OPENEMR_CLIENT_ID=(\S+)/.exec(reg.out)![1]!;
    env.OPENEMR_CLIENT_SECRET = /OPENEMR_CLIENT_SECRET=(\S+)/.exec(reg.out)![1]!;

    let approving: Promise<void> | undefined;
    const connect = await run(['openemr:connect', '--redirect-port', '18765'], (line) => {
      const url = /^\s+(http\S+\/authorize\S+)/.exec(line)?.[1];
      if (url) approving = new Promise((r) => setTimeout(r, 200)).then(() => approveInBrowser(url));
    });
    await approving;
    expect(connect.out).toMatch(/Connected\. Stored the service account's tokens \(encrypted\); refresh token present/);
    expect(connect.code).toBe(0);

    const created = await run(['accounts:create', '--email', 'farrah@example.org', '--patient', FARRAH, '--password', 'A long enough passphrase']);
    expect(created.out).toMatch(/linked to OpenEMR patient a35fb11a-2531-4527-8e52-cfeea92ac44f \(pid 5\)/);

    const port = 20000 + Math.floor(Math.random() * 20000);
    const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { cwd: root, env: { ...childEnv(), PORT: String(port) }, stdio: 'ignore', detached: true });
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 100 && !(await fetch(`${base}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
      const c = cookieClient(base);
      expect((await c.post('/api/v1/auth/sign-in', { email: 'farrah@example.org', password: 'A long enough passphrase' })).status).toBe(200);
      const d = await c.json<Dashboard>('/api/v1/dashboard');
      expect(d.patient).toMatchObject({ uuid: FARRAH, pid: '5', givenName: 'Farrah', familyName: 'Rolle' });
      expect(d.sections.results.status).toBe('ok');
      expect(d.sections.summary.status).toBe('ok');
      expect((await (await fetch(`${base}/readyz`)).json()) as object).toMatchObject({ status: 'ready' });
    } finally {
      // Wait for it to exit: it is still writing its database until then, and afterAll deletes the directory.
      const exited = new Promise((resolve) => server.once('exit', resolve));
      process.kill(-server.pid!, 'SIGTERM');
      await exited;
    }
  }, 120_000);
});
