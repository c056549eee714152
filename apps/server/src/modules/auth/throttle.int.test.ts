import { randomBytes } from 'node:crypto';
import { asc, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authThrottle } from '../../platform/db/schema';
import { DEMO_PASSWORD, startPortico, type Portico } from '../../testing/harness';
import { accountsRepo } from '../accounts/repo';
import { AccountInputError, accountsService } from '../accounts/service';
import { accountKey, throttleService, unknownEmailKey } from './throttle';

const SIGN_IN = '/api/v1/auth/sign-in';
const KNOWN = 'patient@demo.portico.test';
const UNKNOWN = 'nobody-here@demo.portico.test';

let p: Portico;
beforeAll(async () => {
  // No trusted proxies: X-Forwarded-For must be ignored. A high IP cap so this file's many failures from 127.0.0.1
  // exercise the per-account counter (the per-IP cap has its own test below).
  p = await startPortico({ PORTICO_SIGNIN_IP_MAX_FAILURES: '1000' });
}, 120_000);
afterAll(() => p?.close());

const db = () => p.runtime.deps.database.db;
const clearThrottle = () => db().execute(sql`delete from auth_throttle`);
const keyOf = async (email: string) => {
  const a = await accountsRepo(db()).byEmail(email);
  return a ? accountKey(a.id) : unknownEmailKey(email);
};
/** Stands in for waiting: the required delay has passed. */
const skipWait = (key: string) => db().execute(sql`update auth_throttle set locked_until = now() - interval '1 second' where key = ${key}`);
/** A new browser each time (its own, made-up cookie), so nothing can be keyed on the cookie. */
const freshClient = () => {
  const c = p.client();
  c.jar.set('__Host-portico_session', randomBytes(24).toString('base64url'));
  return c;
};
const typeOf = async (res: Response) => ((await res.clone().json()) as { type: string }).type.replace('https://portico.dev/problems/', '');
const shape = async (res: Response) => ({
  status: res.status,
  body: await res.text(),
  contentType: res.headers.get('content-type'),
  cacheControl: res.headers.get('cache-control'),
  retryAfter: res.headers.get('retry-after'),
  setCookie: res.headers.getSetCookie(),
  contentLength: res.headers.get('content-length'),
});

describe('password policy and hashing at the account level', () => {
  const service = () => accountsService(accountsRepo(db()), { clinicName: p.config.clinic.name });
  const patient = async (i: number) => (await p.sim.patients())[i]!;

  it('AUTH-02: a 100-character password is stored whole: changing only character 90 fails sign-in; >128 is refused', async () => {
    const pt = await patient(5);
    const pw = randomBytes(75).toString('base64');
    expect([...pw]).toHaveLength(100);
    await service().createOrUpdate({ email: 'auth02@example.org', password: pw, patientUuid: pt.uuid, patientPid: pt.pid });
    const changed = pw.slice(0, 89) + (pw[89] === 'x' ? 'y' : 'x') + pw.slice(90);
    expect((await p.client().post(SIGN_IN, { email: 'auth02@example.org', password: changed })).status).toBe(401);
    expect((await p.client().post(SIGN_IN, { email: 'auth02@example.org', password: pw })).status).toBe(200);
    await expect(service().createOrUpdate({ email: 'auth02b@example.org', password: pw + 'x'.repeat(29), patientUuid: pt.uuid, patientPid: pt.pid })).rejects.toThrow(AccountInputError);
  });

  it('AUTH-03: a password registered in NFD signs in when typed in NFC', async () => {
    const pt = await patient(6);
    const nfc = 'crème brûlée à São Tomé';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    await service().createOrUpdate({ email: 'auth03@example.org', password: nfd, patientUuid: pt.uuid, patientPid: pt.pid });
    expect((await p.client().post(SIGN_IN, { email: 'auth03@example.org', password: nfc })).status).toBe(200);
  });

  it('AUTH-05: createOrUpdate refuses blocklisted passwords with reason codes (common, clinic name, the email itself)', async () => {
    const pt = await patient(7);
    const email = 'auth05.someone@example.org';
    const reasons = async (password: string) => {
      try {
        await service().createOrUpdate({ email, password, patientUuid: pt.uuid, patientPid: pt.pid, patientName: 'Sam Someone' });
        return [];
      } catch (err) {
        expect(err).toBeInstanceOf(AccountInputError);
        return (err as AccountInputError).reasons.map((r) => r.code);
      }
    };
    expect(await reasons('password1234')).toContain('common_password');
    expect(await reasons(`${p.config.clinic.name}2025!`)).toContain('context_word');
    expect(await reasons(email)).toContain('context_word');
    expect(await reasons('violet harbor teaspoon mosaic')).toEqual([]);
  });

  it('AUTH-06: hashes are argon2id (m≥19 MiB, t≥2) with a unique salt: the same password gives different hashes', async () => {
    const [a, b] = [await patient(8), await patient(9)];
    const pw = 'same shared passphrase here';
    const { account: x } = await service().createOrUpdate({ email: 'auth06a@example.org', password: pw, patientUuid: a.uuid, patientPid: a.pid });
    const { account: y } = await service().createOrUpdate({ email: 'auth06b@example.org', password: pw, patientUuid: b.uuid, patientPid: b.pid });
    expect(x.passwordHash).toMatch(/^\$argon2id\$/);
    const params = Object.fromEntries(x.passwordHash.split('$')[3]!.split(',').map((kv) => kv.split('=')));
    expect(Number(params.m)).toBeGreaterThanOrEqual(19_456);
    expect(Number(params.t)).toBeGreaterThanOrEqual(2);
    expect(x.passwordHash).not.toBe(y.passwordHash);
  });
});

describe('sign-in throttling', () => {
  beforeEach(clearThrottle);

  it('AUTH-07: 150 bad sign-ins with rotating cookies and X-Forwarded-For: delays grow, attempts beyond 100 are refused without evaluating the password', async () => {
    const key = await keyOf(KNOWN);
    const retryAfters: number[] = [];
    const outcomes: string[] = [];
    const evaluatedBefore = p.runtime.deps.auth.passwordVerifications();
    const timings = { evaluated: [] as number[], locked: [] as number[] };
    for (let i = 1; i <= 150; i++) {
      const headers = { 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.${i % 250}` };
      for (;;) {
        const t0 = performance.now();
        const res = await freshClient().post(SIGN_IN, { email: KNOWN, password: `wrong password number ${i}` }, headers);
        const ms = performance.now() - t0;
        if (res.status === 429 && (await typeOf(res)) === 'sign-in-throttled') {
          retryAfters.push(Number(res.headers.get('retry-after')));
          await skipWait(key);
          continue;
        }
        if (res.status === 401) timings.evaluated.push(ms);
        else timings.locked.push(ms);
        outcomes.push(res.status === 401 ? '401' : `${res.status} ${await typeOf(res)}`);
        break;
      }
    }
    expect(outcomes.slice(0, 100)).toEqual(Array(100).fill('401'));
    expect(outcomes.slice(100)).toEqual(Array(50).fill('429 sign-in-locked'));
    // Exactly 100 passwords were evaluated: the 50 beyond the cap (and every throttled attempt) cost no argon2.
    expect(p.runtime.deps.auth.passwordVerifications() - evaluatedBefore).toBe(100);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(timings.locked)).toBeLessThan(median(timings.evaluated));
    // Progressive delay: none for the first 5 failures, then 1 s doubling, capped at the maximum.
    expect(retryAfters).toHaveLength(95);
    expect(retryAfters.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    for (let i = 1; i < retryAfters.length; i++) expect(retryAfters[i]).toBeGreaterThanOrEqual(retryAfters[i - 1]!);
    expect(Math.max(...retryAfters)).toBe(p.config.signInThrottle.maxDelayMs / 1000);
    // The counter sits at the cap; X-Forwarded-For was ignored: the only IP counted is the real peer (every attempt,
    // the throttled ones included).
    const rows = await db().select({ key: authThrottle.key, failures: authThrottle.failures }).from(authThrottle).orderBy(asc(authThrottle.key));
    expect(rows).toEqual([{ key, failures: 100 }, { key: 'ip:127.0.0.1', failures: 150 + retryAfters.length }]);

    // Locked means locked: even the right password is refused, and not evaluated.
    const before = p.runtime.deps.auth.passwordVerifications();
    const right = await freshClient().post(SIGN_IN, { email: KNOWN, password: DEMO_PASSWORD });
    expect(right.status).toBe(429);
    expect(await typeOf(right)).toBe('sign-in-locked');
    expect(p.runtime.deps.auth.passwordVerifications()).toBe(before);
    // A refused attempt is still a failed sign-in in the audit trail.
    const audited = await db().execute(sql`select reason_code from audit_events where action = 'login_fail' order by seq desc limit 1`);
    expect((audited as unknown as { rows: { reason_code: string }[] }).rows[0]?.reason_code).toBe('sign-in-locked');

    // The admin unlock (npm run admin -- accounts:unlock) clears it; success resets the IP's counter too.
    await throttleService(db(), p.config.signInThrottle).unlock([key]);
    expect((await freshClient().post(SIGN_IN, { email: KNOWN, password: DEMO_PASSWORD })).status).toBe(200);
    expect(await db().select().from(authThrottle)).toEqual([]);
  }, 60_000);

  it('AUTH-07: a success resets the account counter, so a user who gets it right is not held back by earlier typos', async () => {
    for (let i = 0; i < 4; i++) expect((await p.client().post(SIGN_IN, { email: KNOWN, password: 'typo typo typo' })).status).toBe(401);
    expect((await p.client().post(SIGN_IN, { email: KNOWN, password: DEMO_PASSWORD })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await p.client().post(SIGN_IN, { email: KNOWN, password: 'typo typo typo' })).status).toBe(401);
    expect((await p.client().post(SIGN_IN, { email: KNOWN, password: DEMO_PASSWORD })).status).toBe(429);
  });

  it('AUTH-14: known and unknown emails get identical answers: wrong password, throttled and locked', async () => {
    const known = await keyOf(KNOWN);
    const unknown = await keyOf(UNKNOWN);
    expect(unknown).toMatch(/^email:[0-9a-f]{64}$/);
    const pair = async () => {
      const a = await shape(await freshClient().post(SIGN_IN, { email: KNOWN, password: 'not the right one' }));
      const b = await shape(await freshClient().post(SIGN_IN, { email: UNKNOWN, password: 'not the right one' }));
      expect(a).toEqual(b);
      return a;
    };
    for (let i = 0; i < 5; i++) expect((await pair()).status).toBe(401);
    const throttled = await pair();
    expect(throttled.status).toBe(429);
    expect(throttled.retryAfter).toBe('1');
    expect(throttled.contentType).toMatch(/problem\+json/);
    expect(throttled.cacheControl).toBe('no-store');
    await db().execute(sql`update auth_throttle set failures = 100, locked_until = null where key in (${known}, ${unknown})`);
    const locked = await pair();
    expect(locked.status).toBe(429);
    expect(locked.retryAfter).toBeNull();
    expect(JSON.parse(locked.body)).toMatchObject({ type: 'https://portico.dev/problems/sign-in-locked' });
  });

  it('AUTH-14: timing of known and unknown emails is similar (both evaluate one argon2 hash)', async () => {
    const time = async (email: string) => {
      const t0 = performance.now();
      await p.client().post(SIGN_IN, { email, password: 'not the right one' });
      return performance.now() - t0;
    };
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 15; i++) {
      if (i % 4 === 0) await clearThrottle();
      a.push(await time(KNOWN));
      b.push(await time(UNKNOWN));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    expect(Math.abs(median(a) - median(b))).toBeLessThan(50);
  });
});

describe('client IP behind trusted proxies', () => {
  let q: Portico;
  beforeAll(async () => {
    q = await startPortico({ PORTICO_TRUSTED_PROXIES: '127.0.0.1', PORTICO_SIGNIN_IP_MAX_FAILURES: '10' });
  }, 120_000);
  afterAll(() => q?.close());

  it('AUTH-07: with PORTICO_TRUSTED_PROXIES=127.0.0.1 the per-IP counter uses the forwarded address and caps spraying', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    // One address sprays 10 different (unknown) accounts: each account is far below its own limit.
    for (let i = 0; i < 10; i++) {
      expect((await q.client().post(SIGN_IN, { email: `spray${i}@example.org`, password: 'Summer2025!!x' }, from('203.0.113.7'))).status).toBe(401);
    }
    const blocked = await q.client().post(SIGN_IN, { email: KNOWN, password: DEMO_PASSWORD }, from('203.0.113.7'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60);
    // Another client address is unaffected.
    expect((await q.client().post(SIGN_IN, { email: KNOWN, password: DEMO_PASSWORD }, from('203.0.113.8'))).status).toBe(200);
    const rows = await q.runtime.deps.database.db.select({ key: authThrottle.key, failures: authThrottle.failures }).from(authThrottle).where(like(authThrottle.key, 'ip:%'));
    expect(rows).toEqual([{ key: 'ip:203.0.113.7', failures: 10 }]);
  });
});
