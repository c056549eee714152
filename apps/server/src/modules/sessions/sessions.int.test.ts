import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeepAliveResponse, SessionsResponse } from '@portico/contracts';
import { auditEvents, sessions } from '../../platform/db/schema';
import { startPortico, type Portico } from '../../testing/harness';

type Client = Awaited<ReturnType<Portico['signIn']>>;

const DESKTOP_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** The harness client has no DELETE; this one sends the same cookie jar and the CSRF header. */
async function del(base: string, c: Client, path: string): Promise<Response> {
  const res = await fetch(base + path, {
    method: 'DELETE',
    headers: { cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'x-portico-csrf': '1' },
  });
  for (const set of res.headers.getSetCookie()) {
    const [pair] = set.split(';');
    const [k, v] = pair!.split('=');
    if (!v || /max-age=0|expires=thu, 01 jan 1970/i.test(set)) c.jar.delete(k!);
  }
  return res;
}

async function signInAs(p: Portico, userAgent: string, email = 'patient@demo.portico.test'): Promise<Client> {
  const c = p.client();
  const { DEMO_PASSWORD } = await import('../../testing/harness');
  const res = await c.post('/api/v1/auth/sign-in', { email, password: DEMO_PASSWORD }, { 'user-agent': userAgent });
  expect(res.status).toBe(200);
  return c;
}

describe('SESS-08: patients list and revoke their own sessions', () => {
  let p: Portico;
  beforeAll(async () => {
    p = await startPortico();
  }, 120_000);
  afterAll(() => p?.close());

  it('SESS-08: lists both browsers with the current one marked, device and browser parsed, and never the id hash', async () => {
    const a = await signInAs(p, DESKTOP_CHROME);
    const b = await signInAs(p, IPHONE_SAFARI);
    const res = await a.get('/api/v1/sessions');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const body = JSON.parse(text) as SessionsResponse;
    const hashes = (await p.runtime.deps.database.db.select({ h: sessions.idHash }).from(sessions)).map((r) => r.h);
    expect(hashes.length).toBeGreaterThanOrEqual(2);
    for (const h of hashes) expect(text).not.toContain(h);
    const current = body.sessions.filter((s) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ deviceType: 'desktop', browser: 'Chrome', os: 'Windows', location: null, locationNote: 'Location lookup is not configured' });
    const phone = body.sessions.find((s) => !s.current && s.browser === 'Safari');
    expect(phone).toMatchObject({ deviceType: 'phone', os: 'iOS' });
    expect(body.idleMinutes).toBe(15);
    // B sees the same two, with its own marked current.
    const fromB = await b.json<SessionsResponse>('/api/v1/sessions');
    expect(fromB.sessions.find((s) => s.current)?.id).toBe(phone!.id);
    await a.post('/api/v1/sessions/revoke-others', {});
  });

  it('SESS-08: A revokes B → B answers 401 on its next call, and the revoke is audited', async () => {
    const a = await signInAs(p, DESKTOP_CHROME);
    const b = await signInAs(p, IPHONE_SAFARI);
    const bId = (await b.json<SessionsResponse>('/api/v1/sessions')).sessions.find((s) => s.current)!.id;
    const res = await del(p.url, a, `/api/v1/sessions/${bId}`);
    expect(res.status).toBe(204);
    expect((await b.get('/api/v1/me')).status).toBe(401);
    expect((await a.get('/api/v1/me')).status).toBe(200);
    const [row] = await p.runtime.deps.database.db.select().from(auditEvents)
      .where(and(eq(auditEvents.action, 'logout'), eq(auditEvents.resourceType, 'session'))).orderBy(desc(auditEvents.seq)).limit(1);
    expect(row).toMatchObject({ reasonCode: 'revoked-by-user', outcome: 'success', resourceId: bId });
    // Revoking it again: it is gone.
    expect((await del(p.url, a, `/api/v1/sessions/${bId}`)).status).toBe(404);
  });

  it('SESS-08: revoke-others ends every other session and keeps the current one', async () => {
    const a = await signInAs(p, DESKTOP_CHROME);
    const b = await signInAs(p, IPHONE_SAFARI);
    const c = await signInAs(p, DESKTOP_CHROME);
    const res = await a.post('/api/v1/sessions/revoke-others', {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { revoked: number }).revoked).toBeGreaterThanOrEqual(2);
    expect((await b.get('/api/v1/me')).status).toBe(401);
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const list = await a.json<SessionsResponse>('/api/v1/sessions');
    expect(list.sessions).toHaveLength(1);
    expect(list.sessions[0]!.current).toBe(true);
  });

  it("SESS-08: another account's session id, an unknown id and a malformed id are not found or refused", async () => {
    const mine = await signInAs(p, DESKTOP_CHROME);
    const other = await signInAs(p, DESKTOP_CHROME, 'patient2@demo.portico.test');
    const otherId = (await other.json<SessionsResponse>('/api/v1/sessions')).sessions.find((s) => s.current)!.id;
    const res = await del(p.url, mine, `/api/v1/sessions/${otherId}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await other.get('/api/v1/me')).status).toBe(200);
    expect((await del(p.url, mine, '/api/v1/sessions/0123456789abcdef')).status).toBe(404);
    expect((await del(p.url, mine, '/api/v1/sessions/not-an-id')).status).toBe(400);
  });

  it('SESS-08: revoking the current session signs this browser out and clears the cookie', async () => {
    const a = await signInAs(p, DESKTOP_CHROME);
    const id = (await a.json<SessionsResponse>('/api/v1/sessions')).sessions.find((s) => s.current)!.id;
    const cookieBefore = a.jar.size;
    const res = await del(p.url, a, `/api/v1/sessions/${id}`);
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('__Host-portico_session=;') || /max-age=0|expires=thu, 01 jan 1970/i.test(c))).toBe(true);
    expect(res.headers.get('x-portico-idle-expires-at')).toBeNull();
    expect(cookieBefore).toBe(1);
    expect(a.jar.size).toBe(0);
  });

  it('SESS-08: the session routes need a session and refuse writes without JSON or the CSRF header', async () => {
    expect((await p.client().get('/api/v1/sessions')).status).toBe(401);
    const a = await signInAs(p, DESKTOP_CHROME);
    const res = await fetch(`${p.url}/api/v1/sessions/revoke-others`, { method: 'POST', headers: { cookie: [...a.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(res.status).toBe(403);
  });
});

describe('SESS-05: idle timeout enforced by the server, and keep-alive', () => {
  let p: Portico;
  beforeAll(async () => {
    p = await startPortico({ PORTICO_SESSION_IDLE_MINUTES: '1' });
  }, 120_000);
  afterAll(() => p?.close());

  const age = (seconds: number) => p.runtime.deps.database.db.execute(sql`update sessions set last_seen_at = now() - make_interval(secs => ${seconds})`);

  it('SESS-05: a request after the idle minute answers 401; every patient answer carries the idle expiry', async () => {
    const a = await p.signIn();
    const me = await a.get('/api/v1/me');
    expect(me.status).toBe(200);
    const header = me.headers.get('x-portico-idle-expires-at');
    expect(header).not.toBeNull();
    expect(me.headers.get('x-portico-idle-minutes')).toBe('1');
    const left = new Date(header!).getTime() - Date.now();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(60_000);
    await age(61);
    expect((await a.get('/api/v1/me')).status).toBe(401);
    expect((await a.get('/api/v1/sessions')).status).toBe(401);
  });

  it('SESS-05: keep-alive moves idleExpiresAt forward; an idle-expired session is not listed', async () => {
    const a = await p.signIn();
    const other = await p.signIn();
    await age(50);
    const before = new Date((await other.json<{ idleExpiresAt: string }>('/api/v1/me')).idleExpiresAt).getTime();
    // age() puts every session at the same age: both are 50 s idle now.
    await age(50);
    const res = await a.post('/api/v1/sessions/keep-alive', {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as KeepAliveResponse;
    expect(body.idleMinutes).toBe(1);
    const after = new Date(body.idleExpiresAt).getTime();
    expect(after).toBeGreaterThan(Date.now() + 55_000);
    expect(after).toBeGreaterThan(before);
    expect(res.headers.get('x-portico-idle-expires-at')).toBe(body.idleExpiresAt);
    // 15 s later: `a` is 15 s idle thanks to the keep-alive, `other` 65 s, past its minute.
    await p.runtime.deps.database.db.execute(sql`update sessions set last_seen_at = last_seen_at - interval '15 seconds'`);
    expect((await a.get('/api/v1/me')).status).toBe(200);
    const list = await a.json<SessionsResponse>('/api/v1/sessions');
    expect(list.sessions.filter((s) => s.current)).toHaveLength(1);
    expect((await other.get('/api/v1/me')).status).toBe(401);
  });
});
