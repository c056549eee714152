import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../app';
import { bootstrap, type Runtime } from '../bootstrap';
import { loadConfig } from '../config';
import { ensureDemoAccounts } from '../modules/accounts/demo';
import { createLogger } from '../platform/log';

export const DEMO_PASSWORD = 'Test-demo-passphrase-2026';

/**
 * A whole Portico on the embedded-defaults path: the simulator as a separate process over HTTP, the demo
 * accounts, and the database chosen by PORTICO_TEST_DB (PGlite in memory, or a fresh database on DATABASE_URL),
 * the cache by PORTICO_TEST_CACHE (in-process or REDIS_URL).
 */
export async function startPortico(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portico-test-'));
  const pgDb = process.env.PORTICO_TEST_DB === 'postgres' ? await freshPostgresDatabase() : undefined;
  const databaseUrl = pgDb?.url;
  const config = loadConfig({
    PORTICO_DATA_DIR: dataDir,
    PORTICO_LOG_LEVEL: 'silent',
    PORTICO_DEMO_PASSWORD: DEMO_PASSWORD,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // Every test Portico gets its own Redis namespace, as separate deployments would.
    ...(process.env.PORTICO_TEST_CACHE === 'redis' && process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, PORTICO_CACHE_NAMESPACE: `t-${randomBytes(6).toString('hex')}` } : {}),
    ...env,
  });
  const runtime: Runtime = await bootstrap(config, createLogger('silent'), { pgliteDir: 'memory' });
  await runtime.deps.openemr.ensureServiceToken();
  await ensureDemoAccounts(runtime.deps.database.db, runtime.deps.openemr, DEMO_PASSWORD);
  const app = await buildApp(runtime.deps);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  const sim = {
    url: runtime.openemrUrl,
    async setKnobs(knobs: object): Promise<void> {
      const res = await fetch(`${runtime.openemrUrl}/__sim/knobs`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(knobs) });
      if (!res.ok) throw new Error(`knobs: ${res.status}`);
    },
    clearKnobs: () => fetch(`${runtime.openemrUrl}/__sim/knobs`, { method: 'DELETE' }).then(() => undefined),
    patients: async () => (await (await fetch(`${runtime.openemrUrl}/__sim/patients`)).json()) as { pid: string; uuid: string; name: string; email: string | null }[],
  };

  return {
    url, app, runtime, sim, config,
    /** A browser-like client with its own cookie jar. */
    client: () => cookieClient(url),
    async signIn(email = 'patient@demo.portico.test', password = DEMO_PASSWORD) {
      const c = cookieClient(url);
      const res = await c.post('/api/v1/auth/sign-in', { email, password });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return c;
    },
    async close() {
      await app.close();
      await runtime.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type Portico = Awaited<ReturnType<typeof startPortico>>;

/** A new, empty database on the PostgreSQL server at DATABASE_URL, for one test file. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!process.env.DATABASE_URL) throw new Error('PORTICO_TEST_DB=postgres needs DATABASE_URL');
  const name = `portico_t_${randomBytes(5).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name}`);
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export function cookieClient(base: string) {
  const jar = new Map<string, string>();
  const send = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(base + p, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (!v || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(k!);
      else jar.set(k!, v);
    }
    return res;
  };
  return {
    jar,
    get: (p: string, headers?: Record<string, string>) => send('GET', p, undefined, headers),
    post: (p: string, body?: unknown, headers?: Record<string, string>) => send('POST', p, body, headers),
    json: async <T = unknown>(p: string): Promise<T> => {
      const res = await send('GET', p);
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
