import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '@portico/contracts';
import { startPortico, type Portico } from '../../testing/harness';

let p: Portico;
beforeAll(async () => {
  p = await startPortico();
}, 120_000);
afterAll(() => p?.close());
afterEach(() => p.sim.clearKnobs());

const metric = async (name: string, match: string): Promise<number> => {
  const text = await (await fetch(`${p.url}/metrics`)).text();
  return text.split('\n').filter((l) => l.startsWith(name) && l.includes(match)).reduce((s, l) => s + Number(l.split(' ').pop()), 0);
};

describe('GET /api/v1/dashboard', () => {
  it("shows the signed-in patient's own appointments, recent results and health summary", async () => {
    const c = await p.signIn();
    const d = await c.json<Dashboard>('/api/v1/dashboard?refresh=1');
    const demo = (await p.sim.patients()).find((x) => x.email === 'patient@demo.portico.test')!;
    expect(d.patient.uuid).toBe(demo.uuid);
    expect(`${d.patient.givenName} ${d.patient.familyName}`).toBe(demo.name);
    expect(d.clinicTimeZone).toBe('America/New_York');
    if (d.sections.appointments.status !== 'ok' || d.sections.results.status !== 'ok' || d.sections.summary.status !== 'ok') throw new Error(JSON.stringify(d.sections));
    const now = new Date().toISOString();
    expect(d.sections.appointments.data.length).toBeGreaterThanOrEqual(1);
    for (const a of d.sections.appointments.data) expect((a.end ?? a.start) >= now).toBe(true);
    expect(d.sections.results.data.length).toBeGreaterThan(3);
    expect(d.sections.results.data.some((r) => r.abnormal && r.flag !== null)).toBe(true);
    expect(d.sections.summary.data.activeProblems.length).toBeGreaterThan(0);
    expect(d.sections.summary.data.activeMedications.length).toBeGreaterThan(0);
    expect(d.sections.summary.data.latestVitals.some((v) => v.kind === 'blood-pressure' && v.secondary !== null)).toBe(true);
  });

  it('isolates a failing section: it says so and offers a retry, the others render, and the retry recovers', async () => {
    const c = await p.signIn();
    await p.sim.setKnobs({ routes: { 'GET api/patient/:pid/appointment': { failRate: 1, failStatus: 500 } } });
    const d = await c.json<Dashboard>('/api/v1/dashboard?refresh=1');
    expect(d.sections.appointments).toMatchObject({ status: 'error', retryable: true });
    expect(d.sections.results.status).toBe('ok');
    expect(d.sections.summary.status).toBe('ok');
    await p.sim.clearKnobs();
    const retry = await c.json<{ status: string; data: unknown[] }>('/api/v1/dashboard/sections/appointments');
    expect(retry.status).toBe('ok');
    expect(retry.data.length).toBeGreaterThan(0);
  });

  it('serves a warm dashboard from the per-patient cache without calling OpenEMR again', async () => {
    const c = await p.signIn();
    const fresh = await c.json<Dashboard>('/api/v1/dashboard?refresh=1');
    // Only sections that loaded are cached; say so plainly if one failed (e.g. an overloaded machine).
    expect(Object.values(fresh.sections).map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
    const callsBefore = await metric('portico_openemr_call_duration_seconds_count', '');
    const hitsBefore = await metric('portico_cache_requests_total', 'result="hit"');
    await c.json('/api/v1/dashboard');
    expect(await metric('portico_openemr_call_duration_seconds_count', '')).toBe(callsBefore);
    expect(await metric('portico_cache_requests_total', 'result="hit"')).toBeGreaterThan(hitsBefore);
  });

  it("never shows another patient's record that OpenEMR returns by mistake, and records a security event", async () => {
    const c = await p.signIn();
    await p.sim.setKnobs({ routes: { 'GET fhir/Observation': { leakForeignPatient: true }, 'GET fhir/Condition': { leakForeignPatient: true } } });
    const d = await c.json<Dashboard>('/api/v1/dashboard?refresh=1');
    const me = d.patient.uuid;
    const results = await c.json<{ panels: { tests: { results: { id: string }[] }[] }[] }>('/api/v1/records/results');
    expect(results.panels.length).toBeGreaterThan(0);
    const rows = await p.runtime.deps.database.db.execute(sql`select kind, detail from security_events where kind = 'foreign-patient-record-dropped'`);
    const events = (rows as unknown as { rows: { detail: { expectedPatient: string } }[] }).rows;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.detail.expectedPatient === me || e.detail.expectedPatient.length > 0)).toBe(true);
    expect(await metric('portico_security_events_total', 'foreign-patient-record-dropped')).toBeGreaterThan(0);
  });

  it('exposes Prometheus metrics: request latency by route, OpenEMR latency by endpoint, cache hits', async () => {
    const text = await (await fetch(`${p.url}/metrics`)).text();
    expect(text).toMatch(/portico_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/dashboard"/);
    expect(text).toMatch(/portico_openemr_call_duration_seconds_bucket\{[^}]*endpoint="GET fhir\/Observation"/);
    expect(text).toMatch(/portico_cache_requests_total\{cache="ehr",result="hit"\}/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/); // no ids in labels
  });

  it('does not disclose the runtime version in metrics', async () => {
    expect(await (await fetch(`${p.url}/metrics`)).text()).not.toMatch(/nodejs_version_info/);
  });

  it('requires a bearer token for /metrics when PORTICO_METRICS_TOKEN is set', async () => {
    const guarded = await startPortico({ PORTICO_METRICS_TOKEN: 'a-long-enough-metrics-token' });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer a-long-enough-metrics-token' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/portico_http_request_duration_seconds/);
    } finally {
      await guarded.close();
    }
  }, 60_000);

  it('reports readiness of the database and OpenEMR', async () => {
    const res = await fetch(`${p.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { checks: { name: string; ok: boolean }[] };
    expect(body.checks.map((x) => x.name)).toEqual(expect.arrayContaining(['database', 'openemr']));
  });

  it('publishes an OpenAPI document describing the /api/v1 routes', async () => {
    const doc = (await (await fetch(`${p.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/dashboard', '/api/v1/auth/sign-in', '/api/v1/records/results/{key}']));
  });
});
