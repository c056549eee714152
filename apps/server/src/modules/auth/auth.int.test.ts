import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startPortico, type Portico } from '../../testing/harness';

let p: Portico;
beforeAll(async () => {
  p = await startPortico();
}, 120_000);
afterAll(() => p?.close());

describe('sign-in and sessions', () => {
  it('signs the demo patient in with a __Host- cookie that is HttpOnly, Secure and SameSite=Strict', async () => {
    const res = await p.client().post('/api/v1/auth/sign-in', { email: 'Patient@Demo.Portico.test ', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-portico_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/Domain=/i);
    const me = (await res.json()) as { email: string; patient: { familyName: string } };
    expect(me.email).toBe('patient@demo.portico.test');
    expect(me.patient.familyName.length).toBeGreaterThan(0);
  });

  it('answers a wrong password and an unknown email with the same 401 problem (no account enumeration)', async () => {
    const wrong = await p.client().post('/api/v1/auth/sign-in', { email: 'patient@demo.portico.test', password: 'not the password at all' });
    const unknown = await p.client().post('/api/v1/auth/sign-in', { email: 'nobody@example.org', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('rejects malformed sign-in bodies with a 400 problem that names the field', async () => {
    const res = await p.client().post('/api/v1/auth/sign-in', { email: 'patient@demo.portico.test' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { type: string; errors: { path: string }[] };
    expect(body.type).toBe('https://portico.dev/problems/validation');
    expect(body.errors.map((e) => e.path)).toContain('password');
  });

  it('refuses cookie-authenticated writes that a cross-site form could send (no JSON, no CSRF header)', async () => {
    const res = await p.client().post('/api/v1/auth/sign-in', 'email=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(403);
  });

  it('refuses a write sent from another site (Origin), and accepts media types in any case', async () => {
    const body = { email: 'patient@demo.portico.test', password: DEMO_PASSWORD };
    const evil = await p.client().post('/api/v1/auth/sign-in', body, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { type: string }).type).toBe('https://portico.dev/problems/cross-origin');
    expect((await p.client().post('/api/v1/auth/sign-in', body, { origin: p.url })).status).toBe(200);
    expect((await p.client().post('/api/v1/auth/sign-in', JSON.stringify(body), { 'content-type': 'Application/JSON' })).status).toBe(200);
  });

  it('answers framework-level errors as problem+json too: over-long ids, oversized and non-JSON bodies', async () => {
    const c = await p.signIn();
    const long = await c.get(`/api/v1/records/results/${'a'.repeat(150)}`);
    expect([400, 414]).toContain(long.status);
    expect(long.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await long.text()).not.toMatch(/FST_|fastify/i);
    const big = await p.client().post('/api/v1/auth/sign-in', { email: 'a@b.c', password: 'x'.repeat(200_000) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { type: string }).type).toBe('https://portico.dev/problems/payload-too-large');
    const xml = await p.client().post('/api/v1/auth/sign-in', '<a/>', { 'content-type': 'application/xml', 'x-portico-csrf': '1' });
    expect(xml.status).toBe(415);
  });

  it('sign-out revokes the session on the server, not just the cookie', async () => {
    const c = await p.signIn();
    const stolen = new Map(c.jar);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    const out = await c.post('/api/v1/auth/sign-out', undefined, { 'x-portico-csrf': '1' });
    expect(out.status).toBe(204);
    // The browser only drops a __Host- cookie when the clearing cookie repeats Secure (and the other attributes).
    const cleared = out.headers.getSetCookie().find((x) => x.startsWith('__Host-portico_session=;'));
    expect(cleared).toMatch(/Max-Age=0/i);
    expect(cleared).toMatch(/; Secure/i);
    expect(cleared).toMatch(/; HttpOnly/i);
    expect(cleared).toMatch(/; SameSite=Strict/i);
    expect(cleared).toMatch(/; Path=\//i);
    const replay = p.client();
    for (const [k, v] of stolen) replay.jar.set(k, v);
    expect((await replay.get('/api/v1/me')).status).toBe(401);
  });

  it('ends a session idle for longer than the idle timeout (server-side)', async () => {
    const c = await p.signIn();
    await p.runtime.deps.database.db.execute(sql`update sessions set last_seen_at = now() - interval '16 minutes'`);
    const res = await c.get('/api/v1/dashboard');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { type: string }).type).toBe('https://portico.dev/problems/unauthenticated');
  });

  it('only API requests read the session: files and health probes neither touch nor extend it', async () => {
    const c = await p.signIn();
    await p.runtime.deps.database.db.execute(sql`update sessions set last_seen_at = now() - interval '5 minutes' where revoked_at is null`);
    const seen = async () =>
      ((await p.runtime.deps.database.db.execute(sql`select max(last_seen_at) as t from sessions where revoked_at is null`)) as unknown as { rows: { t: string }[] }).rows[0]!.t;
    const before = await seen();
    expect((await c.get('/healthz')).status).toBe(200);
    await c.get('/results');
    expect(await seen()).toEqual(before);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    expect(new Date(await seen()).getTime()).toBeGreaterThan(new Date(before).getTime());
  });

  it('ends a session past its absolute limit even when active', async () => {
    const c = await p.signIn();
    await p.runtime.deps.database.db.execute(sql`update sessions set absolute_expires_at = now() - interval '1 second' where revoked_at is null`);
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });
});

describe('route policies', () => {
  it('every route declares a policy, and every patient route refuses a request without a session', async () => {
    const table = p.app.routeTable;
    expect(table.length).toBeGreaterThan(10);
    expect(table.filter((r) => !r.policy)).toEqual([]);
    const patientRoutes = table.filter((r) => r.policy === 'patient' && r.method === 'GET');
    expect(patientRoutes.length).toBeGreaterThanOrEqual(10);
    for (const r of patientRoutes) {
      const url = r.url.replace(':key', '4548-4').replace(':id', 'abc').replace(':name', 'results');
      const res = await fetch(p.url + url);
      expect({ url, status: res.status }).toEqual({ url, status: 401 });
    }
  });

  it('unknown API routes answer 404 problem+json, and client routes get the SPA shell or a 404 problem when unbuilt', async () => {
    const res = await fetch(`${p.url}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('sends security headers and no version disclosure', async () => {
    const res = await fetch(`${p.url}/healthz`);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('server')).toBeNull();
  });
});
