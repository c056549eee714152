import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogResponse, DocumentsResponse, Me, MedicationsResponse } from '@portico/contracts';
import type { z } from 'zod';
import { openDatabase, type Database } from '../../platform/db/client';
import { auditEvents } from '../../platform/db/schema';
import { freshPostgresDatabase, startPortico, type Portico } from '../../testing/harness';
import { auditVerifyCommand } from './admin';
import { auditRepo, type AuditFields } from './repo';
import { auditService } from './service';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const run = promisify(execFile);

let p: Portico;
let a: Awaited<ReturnType<Portico['signIn']>>;
let b: Awaited<ReturnType<Portico['signIn']>>;
let meA: Me;
let meB: Me;
beforeAll(async () => {
  p = await startPortico();
  a = await p.signIn();
  b = await p.signIn('patient2@demo.portico.test');
  meA = await a.json<Me>('/api/v1/me');
  meB = await b.json<Me>('/api/v1/me');
}, 120_000);
afterAll(() => p?.close());

const db = () => p.runtime.deps.database.db;
const lastSeq = async () => (await db().select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]?.seq ?? 0;
const rowsAfter = (seq: number) => auditRepo(db()).since(seq);

/** A separate, empty database (PGlite in a directory, or a fresh PostgreSQL database) that the CLI can open too. */
async function scratchDatabase(): Promise<{ database: Database; env: Record<string, string>; reopen(): Promise<Database>; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portico-audit-'));
  if (process.env.PORTICO_TEST_DB === 'postgres') {
    const pg = await freshPostgresDatabase();
    return { database: await openDatabase({ url: pg.url }), env: { DATABASE_URL: pg.url, PORTICO_DATA_DIR: dataDir }, reopen: () => openDatabase({ url: pg.url }), drop: async () => (await pg.drop(), rmSync(dataDir, { recursive: true, force: true })) };
  }
  const pgliteDir = path.join(dataDir, 'pgdata');
  return { database: await openDatabase({ pgliteDir }), env: { PORTICO_DATA_DIR: dataDir }, reopen: () => openDatabase({ pgliteDir }), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

async function cli(command: string, env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'apps/server/src/admin/cli.ts', command], { cwd: root, env: { ...inherited, PORTICO_LOG_LEVEL: 'silent', ...env } });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

const fields = (tsUtc: Date, i: number): AuditFields => ({
  eventId: crypto.randomUUID(), tsUtc, actorUserId: `acct-${i}`, actorKind: 'patient', actingForPatientId: 'pat-1', proxyRelationshipId: null, subjectPatientId: 'pat-1',
  action: 'read', resourceType: 'medications', resourceId: null, outcome: 'success', reasonCode: null, sourceIp: '127.0.0.1', userAgent: 'test', sessionIdHash: 'a'.repeat(64), requestId: `req-${i}`,
});

describe('AUD-01 every health-data read writes exactly one complete audit row', () => {
  it('AUD-01: each patient GET route records one read/download row with the category, actor, subject and request context', async () => {
    const docs = await a.json<z.infer<typeof DocumentsResponse>>('/api/v1/records/documents');
    const docId = docs.items[0]!.id;
    const routes: [string, string, string, string | null][] = [
      ['/api/v1/dashboard', 'read', 'dashboard', null],
      ['/api/v1/dashboard/sections/results', 'read', 'dashboard', 'results'],
      ['/api/v1/records/results', 'read', 'lab-results', null],
      ['/api/v1/records/results/4548-4', 'read', 'lab-results', '4548-4'],
      ['/api/v1/records/vitals', 'read', 'vitals', null],
      ['/api/v1/records/medications', 'read', 'medications', null],
      ['/api/v1/records/allergies', 'read', 'allergies', null],
      ['/api/v1/records/problems', 'read', 'problems', null],
      ['/api/v1/records/immunizations', 'read', 'immunizations', null],
      ['/api/v1/records/documents', 'read', 'documents', null],
      [`/api/v1/records/documents/${docId}/content`, 'download', 'document', docId],
      ['/api/v1/appointments', 'read', 'appointments', null],
      ['/api/v1/me/access-log', 'query', 'access-log', null],
      ['/api/v1/me', 'read', 'demographics', null],
      ['/api/v1/sessions', 'read', 'sessions', null],
    ];
    // A new patient route must join this list (and be audited).
    const covered = new Set(routes.map(([u]) => u.replace(docId, ':id').replace('4548-4', ':key').replace('sections/results', 'sections/:name')));
    const patientGets = p.app.routeTable.filter((r) => r.policy === 'patient' && r.method === 'GET').map((r) => r.url);
    expect(patientGets.filter((u) => !covered.has(u))).toEqual([]);

    const token = [...a.jar.values()][0]!;
    for (const [url, action, category, resourceId] of routes) {
      const before = await lastSeq();
      const res = await a.get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      const rows = await rowsAfter(before);
      expect({ url, n: rows.length }).toEqual({ url, n: 1 });
      const r = rows[0]!;
      expect({ url, action: r.action, category: r.resourceType, resourceId: r.resourceId, outcome: r.outcome }).toEqual({ url, action, category, resourceId, outcome: 'success' });
      expect(r.actorUserId).toBe(meA.accountId);
      expect(r.actorKind).toBe('patient');
      expect(r.subjectPatientId).toBe(meA.patient.uuid);
      expect(r.actingForPatientId).toBe(meA.patient.uuid);
      expect(r.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Math.abs(r.tsUtc.getTime() - Date.now())).toBeLessThan(60_000);
      expect(r.sourceIp).toBeTruthy();
      expect(r.userAgent).toBeTruthy();
      expect(r.requestId).toBeTruthy();
      expect(r.sessionIdHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.sessionIdHash).not.toContain(token);
      expect(r.prevHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.rowHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('AUD-01: another patient\'s reads name that patient as subject', async () => {
    const before = await lastSeq();
    expect((await b.get('/api/v1/records/medications')).status).toBe(200);
    const [r] = await rowsAfter(before);
    expect([r!.actorUserId, r!.subjectPatientId]).toEqual([meB.accountId, meB.patient.uuid]);
  });

  it('AUD-01: sign-in, failed sign-in (same answer for known and unknown emails), sign-out and unauthenticated access are recorded', async () => {
    let before = await lastSeq();
    const c = await p.signIn();
    let rows = await rowsAfter(before);
    expect(rows.map((r) => [r.action, r.outcome, r.actorUserId, r.subjectPatientId])).toEqual([['login', 'success', meA.accountId, meA.patient.uuid]]);

    before = await lastSeq();
    const known = await p.client().post('/api/v1/auth/sign-in', { email: 'patient@demo.portico.test', password: 'wrong-passphrase-123' });
    const unknown = await p.client().post('/api/v1/auth/sign-in', { email: 'nobody@demo.portico.test', password: 'wrong-passphrase-123' });
    expect([known.status, unknown.status]).toEqual([401, 401]);
    const [kb, ub] = [await known.json(), await unknown.json()] as { instance?: string }[];
    expect(kb).toEqual(ub);
    rows = await rowsAfter(before);
    expect(rows.map((r) => [r.action, r.outcome, r.actorUserId])).toEqual([['login_fail', 'denied', meA.accountId], ['login_fail', 'denied', null]]);
    expect(JSON.stringify(rows)).not.toContain('wrong-passphrase');

    before = await lastSeq();
    expect((await c.post('/api/v1/auth/sign-out', {})).status).toBe(204);
    rows = await rowsAfter(before);
    expect(rows.map((r) => [r.action, r.actorUserId, r.sessionIdHash?.length])).toEqual([['logout', meA.accountId, 64]]);

    before = await lastSeq();
    expect((await fetch(`${p.url}/api/v1/records/medications`)).status).toBe(401);
    rows = await rowsAfter(before);
    expect(rows.map((r) => [r.action, r.outcome, r.actorUserId, r.resourceId])).toEqual([['authz_denied', 'denied', null, '/api/v1/records/medications']]);
  });

  it('AUD-01: concurrent reads from both patients keep one unforked chain', async () => {
    await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? a : b).get(i % 3 ? '/api/v1/records/allergies' : '/api/v1/records/problems')));
    const v = await p.runtime.deps.audit.verify();
    expect(v).toMatchObject({ ok: true });
  });

  it('AUD-02: free text (user agent) is stored without CR/LF/ESC and truncated', async () => {
    const before = await lastSeq();
    // HTTP clients refuse control characters in a header, so those go through the service directly.
    await a.get('/api/v1/records/allergies', { 'user-agent': `long ${'x'.repeat(600)}` });
    await p.runtime.deps.audit.record({ actorUserId: null, actorKind: 'system', subjectPatientId: null, action: 'read', resourceType: 'vitals\r\nx', outcome: 'success', userAgent: 'a\n\u001b[31mADMIN OK\u0007' });
    const rows = await rowsAfter(before);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(`${r.userAgent}${r.resourceType}`).not.toMatch(/[\r\n\u001b\u0007]/);
    expect(rows[0]!.userAgent!.length).toBeLessThanOrEqual(256);
    expect(rows[1]!.userAgent).toBe('a[31mADMIN OK');
  });
});

describe('AUD-03 append-only and tamper-evident', () => {
  it('AUD-03: the database refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const seq = await lastSeq();
    await expect(db().execute(sql`update audit_events set outcome = 'denied' where seq = ${seq}`)).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_events where seq = ${seq}`)).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_events`)).rejects.toThrow();
    expect(await lastSeq()).toBe(seq);
  });

  const asSuperuser = async (q: ReturnType<typeof sql>) => {
    await db().execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    try {
      await db().execute(q);
    } finally {
      await db().execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    }
  };

  it('AUD-03: verify names the first bad row for an edited row, a deleted row and two swapped hashes', async () => {
    for (let i = 0; i < 4; i++) await a.get('/api/v1/records/allergies');
    const audit = p.runtime.deps.audit;
    expect(await audit.verify()).toMatchObject({ ok: true });
    const tail = (await rowsAfter((await lastSeq()) - 4)).map((r) => r);
    const [r1, r2, r3] = tail;

    await asSuperuser(sql`update audit_events set resource_type = 'lab-results' where seq = ${r2!.seq}`);
    expect(await audit.verify()).toMatchObject({ ok: false, seq: r2!.seq, reason: 'hash-mismatch' });
    expect(await auditVerifyCommand(db(), () => undefined)).toBe(1);
    await asSuperuser(sql`update audit_events set resource_type = ${r2!.resourceType} where seq = ${r2!.seq}`);
    expect(await audit.verify()).toMatchObject({ ok: true });

    await asSuperuser(sql`delete from audit_events where seq = ${r2!.seq}`);
    expect(await audit.verify()).toMatchObject({ ok: false, seq: r3!.seq, reason: 'seq-gap' });
    await db().insert(auditEvents).values(r2!);
    expect(await audit.verify()).toMatchObject({ ok: true });

    await asSuperuser(sql`update audit_events set row_hash = case seq when ${r1!.seq} then ${r3!.rowHash} else ${r1!.rowHash} end where seq in (${r1!.seq}, ${r3!.seq})`);
    expect(await audit.verify()).toMatchObject({ ok: false, seq: r1!.seq, reason: 'hash-mismatch' });
    await asSuperuser(sql`update audit_events set row_hash = case seq when ${r1!.seq} then ${r1!.rowHash} else ${r3!.rowHash} end where seq in (${r1!.seq}, ${r3!.seq})`);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('AUD-03: `npm run admin -- audit:verify` exits 0 on an intact chain and 1 naming the first bad row', async () => {
    const scratch = await scratchDatabase();
    try {
      const svc = auditService({ repo: auditRepo(scratch.database.db), retentionDays: 2192 });
      for (let i = 0; i < 3; i++) await svc.record({ actorUserId: `acct-${i}`, actorKind: 'patient', subjectPatientId: 'pat-1', action: 'read', resourceType: 'vitals', outcome: 'success' });
      await scratch.database.close();
      expect(await cli('audit:verify', scratch.env)).toEqual({ code: 0, stdout: 'audit chain intact: 3 rows\n' });

      const reopened = await scratch.reopen();
      await reopened.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await reopened.db.execute(sql`update audit_events set outcome = 'denied' where seq = 2`);
      await reopened.close();
      const broken = await cli('audit:verify', scratch.env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/BROKEN at seq 2: hash-mismatch/);
    } finally {
      await scratch.drop();
    }
  }, 60_000);
});

describe('AUD-04 retention', () => {
  it('AUD-04: keeps rows at retention-1 day, purges rows at retention+1 day, and the chain verifies after the purge', async () => {
    const scratch = await scratchDatabase();
    try {
      const repo = auditRepo(scratch.database.db);
      const now = new Date('2032-03-01T12:00:00Z');
      const svc = auditService({ repo, retentionDays: 2192, now: () => now });
      const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
      for (const [i, d] of [2193, 2193, 2191, 2191, 0].entries()) await repo.append(fields(daysAgo(d), i));

      await expect(svc.purge({ retentionDays: 2000 })).rejects.toThrow(/at least 2190/);
      const r = await svc.purge();
      expect(r).toMatchObject({ purged: 2, throughSeq: 2 });
      expect((await repo.since(0)).map((x) => x.seq)).toEqual([3, 4, 5]);
      expect(await svc.verify()).toEqual({ ok: true, rows: 3, fromSeq: 3 });
      await svc.record({ actorUserId: 'x', actorKind: 'system', subjectPatientId: null, action: 'read', resourceType: 'vitals', outcome: 'success' });
      expect(await svc.verify()).toMatchObject({ ok: true, rows: 4 });
      expect(await svc.purge()).toMatchObject({ purged: 0 });
      expect(await auditVerifyCommand(scratch.database.db, () => undefined)).toBe(0);
    } finally {
      await scratch.database.close();
      await scratch.drop();
    }
  });

  it('AUD-04: never removes a young row even if an older-dated row follows it in the chain', async () => {
    const scratch = await scratchDatabase();
    try {
      const repo = auditRepo(scratch.database.db);
      const now = new Date('2032-03-01T12:00:00Z');
      const svc = auditService({ repo, retentionDays: 2190, now: () => now });
      const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
      for (const [i, d] of [3000, 10, 3000].entries()) await repo.append(fields(daysAgo(d), i));
      expect(await svc.purge()).toMatchObject({ purged: 1, throughSeq: 1 });
      expect((await repo.since(0)).map((x) => x.seq)).toEqual([2, 3]);
      expect(await svc.verify()).toMatchObject({ ok: true });
    } finally {
      await scratch.database.close();
      await scratch.drop();
    }
  });
});

describe('AUD-05 no audit, no access', () => {
  it('AUD-05: when the audit row cannot be written, PHI reads answer 503 problem+json with no PHI', async () => {
    const meds = await a.json<z.infer<typeof MedicationsResponse>>('/api/v1/records/medications');
    const names = meds.items.map((m) => m.name).filter((n) => n.length > 3);
    expect(names.length).toBeGreaterThan(0);
    const docs = await a.json<z.infer<typeof DocumentsResponse>>('/api/v1/records/documents');
    await db().execute(sql`alter table audit_events add constraint audit_test_refuse check (false) not valid`);
    try {
      for (const url of ['/api/v1/records/medications', '/api/v1/dashboard', `/api/v1/records/documents/${docs.items[0]!.id}/content`, '/api/v1/me/access-log']) {
        const res = await a.get(url);
        const body = await res.text();
        expect({ url, status: res.status }).toEqual({ url, status: 503 });
        expect(res.headers.get('content-type')).toMatch(/problem\+json/);
        for (const n of names) expect(body).not.toContain(n);
        expect(body).not.toContain(meA.patient.familyName);
      }
    } finally {
      await db().execute(sql`alter table audit_events drop constraint audit_test_refuse`);
    }
    expect((await a.get('/api/v1/records/medications')).status).toBe(200);
  });
});

describe('AUD-07 the patient\'s own access log', () => {
  it('AUD-07: lists the patient\'s own reads as "You", newest first, paged, and never another patient\'s', async () => {
    await a.get('/api/v1/records/immunizations');
    await b.get('/api/v1/records/vitals');
    const bSeqs = new Set((await rowsAfter(0)).filter((r) => r.subjectPatientId === meB.patient.uuid).map((r) => r.seq));
    expect(bSeqs.size).toBeGreaterThan(0);

    const log = await a.json<AccessLogResponse>('/api/v1/me/access-log?limit=100');
    expect(log.items[0]).toMatchObject({ actor: 'you', action: 'read', category: 'immunizations', outcome: 'success' });
    expect(log.items.some((i) => bSeqs.has(i.seq))).toBe(false);
    expect(log.items.map((i) => i.seq)).toEqual([...log.items.map((i) => i.seq)].sort((x, y) => y - x));
    expect(log.items.some((i) => i.action === 'login_fail')).toBe(true);

    const page1 = await a.json<AccessLogResponse>('/api/v1/me/access-log?limit=2');
    expect(page1.items).toHaveLength(2);
    const page2 = await a.json<AccessLogResponse>(`/api/v1/me/access-log?limit=2&before=${page1.nextBefore}`);
    expect(page2.items[0]!.seq).toBeLessThan(page1.items[1]!.seq);

    // Reading the log is itself an access, recorded like any other.
    const latest = await a.json<AccessLogResponse>('/api/v1/me/access-log?limit=1');
    expect(latest.items[0]).toMatchObject({ actor: 'you', action: 'query', category: 'access-log' });
    expect((await a.get('/api/v1/me/access-log?limit=1000')).status).toBe(400);
  });
});
