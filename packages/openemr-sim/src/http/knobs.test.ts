import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../index';
import { bearer, userToken } from '../test-support/client';

describe('knobs', () => {
  let sim: RunningSimulator;
  let token = '';
  const demo = () => sim.seed.demo[0]?.uuid ?? '';
  beforeAll(async () => {
    sim = await startSimulator({ anchorDate: '2026-12-03' });
    token = (await userToken(sim)).access;
  });
  afterAll(() => sim.close());

  it('adds latency per route', async () => {
    sim.setKnobs({ routes: { 'GET api/version': { latencyMs: 200 } } });
    const t0 = Date.now();
    await fetch(`${sim.url}/apis/default/api/version`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    const t1 = Date.now();
    await fetch(`${sim.url}/apis/default/api/product`);
    expect(Date.now() - t1).toBeLessThan(150);
  });

  it('fails deterministically with the configured status, and spreads partial rates', async () => {
    sim.setKnobs({ routes: { 'GET fhir/Observation': { failRate: 1, failStatus: 503 } } });
    expect((await fetch(`${sim.url}/apis/default/fhir/Observation?patient=${demo()}`, bearer(token))).status).toBe(503);
    sim.setKnobs({ routes: { 'GET api/version': { failRate: 0.5 } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${sim.url}/apis/default/api/version`)).status);
    expect(statuses.filter((s) => s === 500)).toHaveLength(2);
  });

  it('leaks one foreign record into a patient-bound search', async () => {
    sim.setKnobs({ routes: { 'GET fhir/Condition': { leakForeignPatient: true } } });
    const b = (await (await fetch(`${sim.url}/apis/default/fhir/Condition?patient=${demo()}`, bearer(token))).json()) as { entry: { resource: { subject: { reference: string } } }[] };
    const refs = new Set(b.entry.map((e) => e.resource.subject.reference));
    expect(refs.size).toBe(2);
  });

  it('pages FHIR searchsets with next links when fhirPageSize is set', async () => {
    sim.setKnobs({ fhirPageSize: 10 });
    let url: string | undefined = `${sim.url}/apis/default/fhir/Observation?patient=${demo()}&category=laboratory`;
    let seen = 0;
    let total = 0;
    while (url) {
      const b = (await (await fetch(url, bearer(token))).json()) as { total: number; entry?: unknown[]; link: { relation: string; url: string }[] };
      total = b.total;
      seen += b.entry?.length ?? 0;
      url = b.link.find((l) => l.relation === 'next')?.url;
    }
    expect(seen).toBe(total);
    expect(total).toBeGreaterThan(100);
  });

  it('is settable over HTTP and hangs when asked', async () => {
    await fetch(`${sim.url}/__sim/knobs`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ routes: { '*': { hang: true } } }) });
    const ctrl = AbortSignal.timeout(300);
    await expect(fetch(`${sim.url}/apis/default/api/version`, { signal: ctrl })).rejects.toThrow();
    await fetch(`${sim.url}/__sim/knobs`, { method: 'DELETE' });
    expect((await fetch(`${sim.url}/apis/default/api/version`)).status).toBe(200);
  });
});
