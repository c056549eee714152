import type { Bundle } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenEmrClient } from './client';
import { OpenEmrAuthError, OpenEmrNotFoundError, OpenEmrProtocolError } from './errors';
import { MemoryTokenStore } from './test-support/memory-token-store';
import { BRENT, FARRAH, json, recording, recordedBody, replay, startTestServer, type TestServer } from './test-support/recordings';
import type { SecurityEvent, TokenSet } from './types';

let server: TestServer;
let tokenCalls: URLSearchParams[];
let issued = 0;
let validTokens: Set<string>;
let events: SecurityEvent[];
const apis = '/apis/default';
const PRACTITIONER_NAME = 'Dr. Alex Testwell';
const expired = (): TokenSet => ({ accessToken: 'old', refreshToken: 'r0', expiresAt: Date.now() - 1000, scope: '' });

function setup(store = new MemoryTokenStore(), extra: { password?: boolean } = {}) {
  events = [];
  return {
    store,
    client: createOpenEmrClient(
      {
        baseUrl: server.url, site: 'default', clientId: 'cid', clientSecret: 'secret', clinicTimeZone: 'America/New_York',
        serviceUsername: extra.password === false ? undefined : 'svc', servicePassword: extra.password === false ? undefined : 'pw',
        retries: 1, retryBaseDelayMs: 1, timeoutMs: 2000,
      },
      store,
      { onSecurityEvent: (e) => events.push(e), log: { warn: () => undefined, info: () => undefined } },
    ),
  };
}

const routeFhir = (type: string, name: string, mutate?: (b: Bundle) => Bundle) =>
  server.route('GET', `${apis}/fhir/${type}`, replay(name, () => server.url, mutate as (b: unknown) => unknown));

beforeEach(async () => {
  server = await startTestServer();
  tokenCalls = [];
  validTokens = new Set(['good']);
  server.route('POST', '/oauth2/default/token', async (req, res) => {
    const form = new URLSearchParams(req.body);
    tokenCalls.push(form);
    await new Promise((r) => setTimeout(r, 20)); // widen the race window
    const access = `t${++issued}`;
    validTokens = new Set([access]); // OpenEMR revokes the previous access token
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: access, refresh_token: `r${issued}`, scope: 'openid offline_access' }));
  });
  // Every API route checks the bearer like OpenEMR: 401 access_denied JSON for an unknown or revoked token.
  const guard = (handler: ReturnType<typeof replay>) => (req: Parameters<ReturnType<typeof replay>>[0], res: Parameters<ReturnType<typeof replay>>[1], url: URL) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!validTokens.has(token)) return replay('api-error-401-revoked-token', () => server.url)(req, res, url);
    return handler(req, res, url);
  };
  const route = server.route.bind(server);
  server.route = (method, p, handler) => route(method, p, p.toString().includes('oauth2') ? handler : guard(handler));
});
afterEach(() => server.close());

describe('tokens', () => {
  it('obtains a token by password grant when none is stored, with the service scopes', async () => {
    routeFhir('Condition', 'fhir-Condition-search');
    const { client, store } = setup();
    await client.forPatient(FARRAH).problems();
    expect(tokenCalls).toHaveLength(1);
    expect(Object.fromEntries(tokenCalls[0]!)).toMatchObject({ grant_type: 'password', user_role: 'users', username: 'svc', password: 'pw', client_id: 'cid' });
    expect(tokenCalls[0]!.get('scope')).toContain('user/Observation.read');
    expect(store.tokens?.accessToken).toBe(`t${issued}`);
  });

  it('20 concurrent calls with an expired token share ONE refresh', async () => {
    routeFhir('Condition', 'fhir-Condition-search');
    const { client } = setup(new MemoryTokenStore(expired()));
    const ehr = client.forPatient(FARRAH);
    const results = await Promise.all(Array.from({ length: 20 }, () => ehr.problems()));
    expect(results.every((r) => r.length === 2)).toBe(true);
    expect(tokenCalls.map((f) => f.get('grant_type'))).toEqual(['refresh_token']);
    expect(tokenCalls[0]!.get('refresh_token')).toBe('r0');
  });

  it('a 401 triggers one refresh and one retry', async () => {
    routeFhir('Condition', 'fhir-Condition-search');
    const { client } = setup(new MemoryTokenStore({ accessToken: 'revoked', refreshToken: 'r0', expiresAt: Date.now() + 3_600_000, scope: '' }));
    const ehr = client.forPatient(FARRAH);
    await Promise.all(Array.from({ length: 5 }, () => ehr.problems()));
    expect(tokenCalls).toHaveLength(1);
  });

  it('reuses a token another process already refreshed (read under the lock)', async () => {
    routeFhir('Condition', 'fhir-Condition-search');
    const store = new MemoryTokenStore(expired());
    const original = store.refreshExclusive.bind(store);
    store.refreshExclusive = (fn) => {
      store.tokens = { accessToken: 'good', refreshToken: 'rX', expiresAt: Date.now() + 3_600_000, scope: '' };
      return original(fn);
    };
    const { client } = setup(store);
    await client.forPatient(FARRAH).problems();
    expect(tokenCalls).toHaveLength(0);
  });

  it('a 401 that a refresh does not cure is an OpenEmrAuthError', async () => {
    server.route('GET', `${apis}/fhir/Condition`, json(401, undefined));
    const { client } = setup(new MemoryTokenStore({ accessToken: 'good', refreshToken: 'r0', expiresAt: Date.now() + 3_600_000, scope: '' }));
    await expect(client.forPatient(FARRAH).problems()).rejects.toBeInstanceOf(OpenEmrAuthError);
    expect(tokenCalls).toHaveLength(1);
  });

  it('without a token or credentials it fails with OpenEmrAuthError', async () => {
    const { client } = setup(new MemoryTokenStore(), { password: false });
    await expect(client.ensureServiceToken()).rejects.toBeInstanceOf(OpenEmrAuthError);
  });
});

describe('PatientEhr against recordings', () => {
  it('labs join FHIR with the raw /api/procedure strings, keep only own orders, raise no event for that', async () => {
    routeFhir('Observation', 'fhir-Observation-search-laboratory');
    const obs = (recording('fhir-Observation-search-laboratory').response.body as Bundle).entry!.map((e) => e.resource!);
    const creat = obs.find((o) => JSON.stringify(o).includes('2160-0'))!.id;
    server.route('GET', `${apis}/api/procedure`, json(200, { validationErrors: [], internalErrors: [], data: [
      { name: 'BMP', puuid: FARRAH.uuid, reports: [{ results: [{ uuid: creat, result: '<0.01', range: '0.00-0.04', units: 'mg/dL', abnormal: '' }] }] },
      { name: 'Other', puuid: BRENT.uuid, reports: [{ results: [{ uuid: 'x', result: '1' }] }] },
    ] }));
    const { client } = setup();
    const labs = await client.forPatient(FARRAH).labs();
    expect(labs).toHaveLength(7);
    expect(labs.find((l) => l.id === creat)).toMatchObject({ value: { text: '<0.01', comparator: '<' }, flag: 'N', panel: 'BMP' });
    expect(events).toEqual([]);
  });

  it('labs fall back to FHIR values when /api/procedure fails', async () => {
    routeFhir('Observation', 'fhir-Observation-search-laboratory');
    server.route('GET', `${apis}/api/procedure`, json(500, { error: 'boom' }));
    const { client } = setup();
    const labs = await client.forPatient(FARRAH).labs();
    expect(labs).toHaveLength(7);
    expect(labs.find((l) => l.code === '2160-0')?.value).toMatchObject({ numeric: 0, text: '0' });
  });

  it('drops a record of another patient and reports it with ids only', async () => {
    routeFhir('Observation', 'fhir-Observation-search-vital-signs', (b) => {
      const bp = b.entry!.find((e) => JSON.stringify(e.resource).includes('85354-9'))!;
      (bp.resource as { subject: { reference: string } }).subject.reference = `Patient/${BRENT.uuid}`;
      return b;
    });
    const { client } = setup();
    const vitals = await client.forPatient(FARRAH).vitals();
    expect(vitals.filter((v) => v.kind === 'blood-pressure')).toHaveLength(1);
    expect(events).toEqual([{ kind: 'foreign-patient-record-dropped', endpoint: 'GET fhir/Observation', resourceType: 'Observation', expectedPatient: FARRAH.uuid, count: 1 }]);
  });

  it('every FHIR request names the patient', async () => {
    const seen: string[] = [];
    server.route('GET', `${apis}/fhir/Immunization`, (req, res, url) => {
      seen.push(url.searchParams.get('patient') ?? '');
      return replay('fhir-Immunization-search', () => server.url)(req, res, url);
    });
    const { client } = setup();
    expect(await client.forPatient(FARRAH).immunizations()).toHaveLength(2);
    expect(seen).toEqual([FARRAH.uuid]);
  });

  it('follows next links across pages, rewriting the host to ours', async () => {
    const all = (recording('fhir-Observation-search-vital-signs').response.body as Bundle).entry!;
    server.route('GET', `${apis}/fhir/Observation`, (_req, res, url) => {
      const page = Number(url.searchParams.get('_page') ?? '0');
      const size = 10;
      const link = [{ relation: 'self', url: 'x' }];
      if ((page + 1) * size < all.length) link.push({ relation: 'next', url: `https://public.example.org/apis/default/fhir/Observation?patient=${FARRAH.uuid}&category=vital-signs&_page=${page + 1}` });
      json(200, { resourceType: 'Bundle', type: 'searchset', link, entry: all.slice(page * size, (page + 1) * size) })(_req, res, url);
    });
    const { client } = setup();
    expect(await client.forPatient(FARRAH).vitals()).toHaveLength(14);
    expect(server.hits.filter((h) => h.includes('fhir/Observation'))).toHaveLength(4);
  });

  it('fails loudly beyond the page cap', async () => {
    let n = 0;
    server.route('GET', `${apis}/fhir/Condition`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ resourceType: 'Bundle', link: [{ relation: 'next', url: `http://h/apis/default/fhir/Condition?p=${++n}` }], entry: [] }));
    });
    const { client } = setup();
    await expect(client.forPatient(FARRAH).problems()).rejects.toBeInstanceOf(OpenEmrProtocolError);
  });

  it('appointments from the REST list; 404 with an empty body is none', async () => {
    server.route('GET', `${apis}/api/patient/5/appointment`, replay('api-patient-appointment-list', () => server.url));
    server.route('GET', `${apis}/api/patient/41/appointment`, (_req, res) => void res.writeHead(404, { 'content-type': 'application/json' }).end(''));
    server.route('GET', '/apis/default/fhir/Practitioner/a35fb1be-b6e6-4784-973e-43a8aca2e2a7', replay('fhir-Practitioner-read', () => server.url));
    const { client } = setup();
    const appts = await client.forPatient(FARRAH).appointments();
    expect(appts.map((a) => [a.id, a.status])).toEqual([['9', 'fulfilled'], ['7', 'proposed'], ['8', 'proposed']]);
    // 7.0.2 lists only the provider uuid: names come from Practitioner (read once, cached); an unreadable one is null.
    expect(appts.map((a) => a.provider)).toEqual([PRACTITIONER_NAME, PRACTITIONER_NAME, null]);
    expect(server.hits.filter((h) => h.includes('/fhir/Practitioner/a35fb1be'))).toHaveLength(1);
    expect(await client.forPatient(BRENT).appointments()).toEqual([]);
  });

  it('documents: entered-in-error hidden; download only the patient own documents', async () => {
    routeFhir('DocumentReference', 'fhir-DocumentReference-search');
    server.route('GET', /\/fhir\/Binary\//, (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'));
    const { client } = setup();
    const ehr = client.forPatient(FARRAH);
    const docs = await ehr.documents();
    expect(docs).toHaveLength(2);
    const file = await ehr.downloadDocument(docs[0]!.id);
    expect(file).toMatchObject({ contentType: 'text/plain', filename: 'visit-summary.txt' });
    expect(file.body.toString()).toBe('hello');
    await expect(ehr.downloadDocument('a35fb302-dfaf-43e3-8306-51428f341ea4')).rejects.toBeInstanceOf(OpenEmrNotFoundError);
    await expect(ehr.downloadDocument('someone-elses')).rejects.toBeInstanceOf(OpenEmrNotFoundError);
  });

  it('patient, medications and allergies', async () => {
    server.route('GET', `${apis}/fhir/Patient/${FARRAH.uuid}`, replay('fhir-Patient-read', () => server.url));
    routeFhir('MedicationRequest', 'fhir-MedicationRequest-search');
    routeFhir('AllergyIntolerance', 'fhir-AllergyIntolerance-search');
    const { client } = setup();
    const ehr = client.forPatient(FARRAH);
    expect(await ehr.patient()).toMatchObject({ givenName: 'Farrah', pid: '5' });
    expect(await ehr.medications()).toHaveLength(2);
    expect((await ehr.allergies()).map((a) => a.substance)).toEqual(['Penicillin', 'Peanuts']);
  });
});

describe('client', () => {
  it('getPatient maps the REST read; an unknown uuid (400 envelope) is NotFound', async () => {
    server.route('GET', `${apis}/api/patient/${FARRAH.uuid}`, replay('api-patient-read', () => server.url));
    server.route('GET', `${apis}/api/patient/00000000-0000-4000-8000-000000000000`, replay('api-error-400-patient-uuid-not-found', () => server.url));
    const { client } = setup();
    expect(await client.getPatient(FARRAH.uuid)).toMatchObject({ pid: '5', email: 'frolle@pennfirm.com' });
    await expect(client.getPatient('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(OpenEmrNotFoundError);
  });

  it('findPatientsByEmail keeps exact (case-insensitive) matches only', async () => {
    let asked = '';
    server.route('GET', `${apis}/api/patient`, (req, res, url) => {
      asked = url.searchParams.get('email') ?? '';
      res.writeHead(200, { 'content-type': 'application/json' }).end(recordedBody(recording('api-patient-list')));
    });
    const { client } = setup();
    expect(await client.findPatientsByEmail('BPerez@pennfirm.com ')).toEqual([{ uuid: BRENT.uuid, pid: '41', givenName: 'Brent', familyName: 'Perez', birthDate: '1960-01-01' }]);
    expect(asked).toBe('BPerez@pennfirm.com');
  });

  it('ping makes one authenticated call', async () => {
    server.route('GET', `${apis}/api/patient`, replay('api-patient-list', () => server.url));
    const { client } = setup();
    await client.ping();
    expect(server.hits.filter((h) => h.startsWith('GET'))).toEqual([`GET ${apis}/api/patient`]);
  });
});
