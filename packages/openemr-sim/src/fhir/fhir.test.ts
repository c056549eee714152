import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../index';
import { FARRAH_PORTAL_PASSWORD } from '../seed';
import { bearer, passwordGrant, PATIENT_SCOPES, userToken } from '../test-support/client';
import { currentOffset } from '../util/time';

type Res = Record<string, unknown>;
interface Bundle { total: number; entry?: { resource: Res }[] }

describe('FHIR and standard API behaviour', () => {
  let sim: RunningSimulator;
  let token = '';
  const get = async (p: string, t = token) => fetch(`${sim.url}/apis/default/${p}`, bearer(t));
  const demo = () => sim.seed.demo[0] ?? { pid: 0, uuid: '' };
  beforeAll(async () => {
    sim = await startSimulator({ anchorDate: '2026-12-03', clinicTimeZone: 'America/New_York' });
    token = (await userToken(sim)).access;
  });
  afterAll(() => sim.close());

  it('lab results in /api/procedure and FHIR Observation share ids; FHIR keeps OpenEMR value rules', async () => {
    const proc = (await (await get('api/procedure')).json()) as { data: { patient: { uuid: string }; name: string; reports: { results: Res[] }[] }[] };
    const mine = proc.data.filter((o) => o.patient.uuid === demo().uuid);
    const results = mine.flatMap((o) => o.reports.flatMap((r) => r.results));
    const obs = (await (await get(`fhir/Observation?patient=${demo().uuid}&category=laboratory`)).json()) as Bundle;
    const byId = new Map((obs.entry ?? []).map((e) => [e.resource.id, e.resource]));
    expect(results.length).toBe(obs.total);
    for (const r of results) expect(byId.has(r.uuid)).toBe(true);
    const trop = results.find((r) => r.result === '<0.01');
    expect(byId.get(trop?.uuid)?.valueString).toBe('<0.01');
    expect(byId.get(trop?.uuid)?.referenceRange).toBeUndefined();
    const a1c = results.find((r) => r.code === '4548-4' && r.abnormal === 'high');
    const a1cObs = byId.get(a1c?.uuid) as Res & { interpretation: { coding: { code: string }[] }[]; referenceRange: unknown[]; valueQuantity: { value: number } };
    expect(a1cObs.interpretation[0]?.coding[0]?.code).toBe('H');
    expect(a1cObs.referenceRange).toHaveLength(1);
    expect(a1cObs.valueQuantity.value).toBe(Math.trunc(Number(a1c?.result)));
    const crp = results.find((r) => r.code === '1988-5');
    expect(byId.get(crp?.uuid)?.referenceRange).toBeUndefined();
    expect(mine.some((o) => o.name === 'Lipid panel')).toBe(true);
  });

  it('writes local wall time with the zone offset in force now', async () => {
    const b = (await (await get(`fhir/Appointment?patient=${demo().uuid}`)).json()) as Bundle;
    expect(String(b.entry?.[0]?.resource.start)).toMatch(new RegExp(`T\\d{2}:\\d{2}:\\d{2}\\${currentOffset('America/New_York')}$`));
  });

  it('binds patient tokens to their own patient', async () => {
    const { body } = await passwordGrant(sim, { user_role: 'patient', username: 'frolle', password: FARRAH_PORTAL_PASSWORD, email: 'frolle@pennfirm.com', scope: PATIENT_SCOPES });
    const pt = String(body.access_token);
    const b = (await (await get(`fhir/Observation?patient=${demo().uuid}`, pt)).json()) as Bundle;
    expect(b.total).toBe(0);
    expect((await get(`fhir/Patient/${demo().uuid}`, pt)).status).toBe(401);
    expect((await get('api/patient', pt)).status).toBe(401);
    expect((await get('portal/patient', pt)).status).toBe(200);
  });

  it('serves document bytes through Binary and the standard API', async () => {
    const b = (await (await get(`fhir/DocumentReference?patient=${demo().uuid}`)).json()) as Bundle;
    const pdf = b.entry?.map((e) => e.resource).find((r) => JSON.stringify(r).includes('application/pdf')) as { content: { attachment: { url: string } }[] };
    const bin = await fetch(pdf.content[0]?.attachment.url ?? '', bearer(token));
    expect(bin.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await bin.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const list = (await (await get(`api/patient/${demo().pid}/document?path=/categories/medical_record`)).json()) as { id: number; mimetype: string }[];
    const png = list.find((d) => d.mimetype === 'image/png');
    const raw = await get(`api/patient/${demo().pid}/document/${png?.id}`);
    expect(raw.headers.get('content-disposition')).toContain('attachment');
  });

  it('books and deletes appointments with OpenEMR validation', async () => {
    const post = (body: Res) => fetch(`${sim.url}/apis/default/api/patient/${demo().pid}/appointment`, { method: 'POST', headers: { ...bearer(token).headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const good = { pc_catid: '5', pc_title: 'Office Visit', pc_duration: '900', pc_hometext: '', pc_apptstatus: '^', pc_eventDate: '2026-12-20', pc_startTime: '09:00', pc_facility: '3', pc_billing_location: '3', pc_aid: '8' };
    expect((await post({ ...good, pc_startTime: '09:00:00' })).status).toBe(400);
    const { id } = (await (await post(good)).json()) as { id: number };
    const one = (await (await get(`api/appointment/${id}`)).json()) as Res[];
    expect(one[0]).toMatchObject({ pc_startTime: '09:00:00', pc_endTime: '09:15:00', pc_apptstatus: '^' });
    const del = await fetch(`${sim.url}/apis/default/api/patient/${demo().pid}/appointment/${id}`, { method: 'DELETE', ...bearer(token) });
    expect(await del.json()).toEqual({ message: 'record deleted' });
    expect((await get(`api/appointment/${id}`)).status).toBe(404);
  });

  it('answers 404 with an empty body for a patient without appointments and finds patients by email', async () => {
    const created = (await (await fetch(`${sim.url}/apis/default/api/patient`, { method: 'POST', headers: { ...bearer(token).headers, 'content-type': 'application/json' }, body: JSON.stringify({ fname: 'New', lname: 'Person', sex: 'Female', DOB: '1990-01-01' }) })).json()) as { data: { pid: number } };
    const r = await get(`api/patient/${created.data.pid}/appointment`);
    expect(r.status).toBe(404);
    expect(await r.text()).toBe('');
    const found = (await (await get('api/patient?email=patient2@demo.portico.test')).json()) as { data: Res[] };
    expect(found.data).toHaveLength(1);
  });
});
