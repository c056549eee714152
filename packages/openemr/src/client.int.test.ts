// Integration: this client against the OpenEMR simulator (packages/openemr-sim), in-process on a loopback port,
// spoken to over HTTP only.
import { startSimulator } from '@portico/openemr-sim';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenEmrClient } from './client';
import { OpenEmrProtocolError, OpenEmrUnavailableError } from './errors';
import { SERVICE_SCOPES, registerClient } from './oauth';
import { MemoryTokenStore } from './test-support/memory-token-store';
import type { CallObservation, OpenEmrClient, PatientLink, SecurityEvent } from './types';

type RunningSim = Awaited<ReturnType<typeof startSimulator>>;

const DEMO_EMAIL = 'patient@demo.portico.test';

describe('OpenEMR client against the simulator', () => {
  let sim: RunningSim;
  let clientId = '';
  let clientSecret = '';
  let calls: CallObservation[] = [];
  let events: SecurityEvent[] = [];

  const make = (store = new MemoryTokenStore(), tuning: { breakerFailureThreshold?: number; retries?: number; maxFhirPages?: number } = {}) =>
    createOpenEmrClient(
      {
        baseUrl: sim.url, site: 'default', clientId, clientSecret, clinicTimeZone: 'America/New_York',
        serviceUsername: 'portico-service', servicePassword: 'portico-service-pass',
        timeoutMs: 3000, retries: tuning.retries ?? 2, retryBaseDelayMs: 5, breakerFailureThreshold: tuning.breakerFailureThreshold ?? 5, maxFhirPages: tuning.maxFhirPages,
      },
      store,
      { onCall: (c) => calls.push(c), onSecurityEvent: (e) => events.push(e), log: { warn: () => undefined, info: () => undefined } },
    );

  async function demoLink(client: OpenEmrClient): Promise<PatientLink> {
    const [p] = await client.findPatientsByEmail(DEMO_EMAIL);
    if (!p) throw new Error('demo patient not found in the simulator');
    return { uuid: p.uuid, pid: p.pid };
  }

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    const reg = await registerClient(sim.url, 'default', {
      application_type: 'private', client_name: 'portico-int-test', redirect_uris: ['http://127.0.0.1/callback'],
      token_endpoint_auth_method: 'client_secret_post', scope: SERVICE_SCOPES.join(' '),
    });
    clientId = reg.client_id;
    clientSecret = reg.client_secret ?? '';
    // Clients with user/ scopes start disabled in OpenEMR; an administrator enables them.
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(async () => {
    calls = [];
    events = [];
    await sim.setKnobs({ routes: {} });
  });

  it('password grant, then every PatientEhr read for the demo patient', async () => {
    const store = new MemoryTokenStore();
    const client = make(store);
    await client.ensureServiceToken();
    expect(store.tokens?.refreshToken).toBeTruthy();
    await client.ping();
    const link = await demoLink(client);
    const ehr = client.forPatient(link);
    expect(await ehr.patient()).toMatchObject({ uuid: link.uuid, pid: link.pid });
    const [labs, vitals, meds, allergies, problems, immunizations, appointments, documents] = await Promise.all([
      ehr.labs(), ehr.vitals(), ehr.medications(), ehr.allergies(), ehr.problems(), ehr.immunizations(), ehr.appointments(), ehr.documents(),
    ]);
    expect(labs.length).toBeGreaterThan(0);
    expect(labs.some((l) => l.referenceRange !== null)).toBe(true);
    expect(vitals.some((v) => v.kind === 'blood-pressure' && v.secondary !== null)).toBe(true);
    for (const list of [meds, allergies, problems, immunizations, appointments]) expect(Array.isArray(list)).toBe(true);
    if (documents[0]) expect((await ehr.downloadDocument(documents[0].id)).body.length).toBeGreaterThan(0);
    expect(events).toEqual([]);
    expect(calls.every((c) => !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(c.endpoint))).toBe(true); // templates, no ids
  });

  it('20 concurrent calls with an expired token cause exactly one refresh', async () => {
    const store = new MemoryTokenStore();
    const client = make(store);
    await client.ensureServiceToken();
    const link = await demoLink(client);
    store.tokens = { ...store.tokens!, expiresAt: Date.now() - 1000 };
    calls = [];
    const fresh = make(store); // a new process: nothing cached in memory
    const ehr = fresh.forPatient(link);
    await Promise.all(Array.from({ length: 20 }, () => ehr.problems()));
    expect(calls.filter((c) => c.endpoint === 'POST oauth2/token')).toHaveLength(1);
  });

  it('retries a read through 503s', async () => {
    const client = make();
    const link = await demoLink(client);
    await sim.setKnobs({ routes: { 'GET fhir/Condition': { failRate: 0.5, failStatus: 503 } } });
    calls = [];
    const ehr = client.forPatient(link);
    for (let i = 0; i < 3; i++) expect(await ehr.problems()).toBeInstanceOf(Array);
    const statuses = calls.filter((c) => c.endpoint === 'GET fhir/Condition').map((c) => c.status);
    expect(statuses).toContain(503);
    expect(statuses.at(-1)).toBe(200);
  });

  it('opens the circuit breaker and then fails fast', async () => {
    const client = make(new MemoryTokenStore(), { breakerFailureThreshold: 2, retries: 0 });
    const link = await demoLink(client);
    await sim.setKnobs({ routes: { 'GET fhir/Immunization': { failRate: 1, failStatus: 503 } } });
    const ehr = client.forPatient(link);
    await expect(ehr.immunizations()).rejects.toBeInstanceOf(OpenEmrUnavailableError);
    await expect(ehr.immunizations()).rejects.toBeInstanceOf(OpenEmrUnavailableError);
    const before = calls.length;
    await expect(ehr.immunizations()).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(calls.length).toBe(before);
  });

  it('drops a leaked foreign record and raises a security event', async () => {
    const client = make();
    const link = await demoLink(client);
    const clean = await client.forPatient(link).vitals();
    await sim.setKnobs({ routes: { 'GET fhir/Observation': { leakForeignPatient: true } } });
    const leaky = await client.forPatient(link).vitals();
    expect(leaky).toEqual(clean);
    expect(events.some((e) => e.kind === 'foreign-patient-record-dropped' && e.expectedPatient === link.uuid)).toBe(true);
  });

  it('follows FHIR paging, and fails loudly past the page cap', async () => {
    const client = make();
    const link = await demoLink(client);
    const all = await client.forPatient(link).immunizations();
    await sim.setKnobs({ fhirPageSize: 2, routes: {} });
    calls = [];
    expect(await client.forPatient(link).immunizations()).toEqual(all);
    expect(calls.filter((c) => c.endpoint === 'GET fhir/Immunization')).toHaveLength(Math.ceil(all.length / 2));
    const capped = make(new MemoryTokenStore(), { maxFhirPages: 2 });
    await expect(capped.forPatient(link).immunizations()).rejects.toBeInstanceOf(OpenEmrProtocolError);
  });
});
