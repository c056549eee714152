import type { AllergyIntolerance, Bundle, Condition, DocumentReference, Immunization, MedicationRequest, Observation, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { BRENT, FARRAH, recording } from '../test-support/recordings';
import { appointmentFromRest, appointmentStatus } from './appointments';
import { allergyFrom, immunizationFrom, medicationsFrom, problemFrom } from './clinical';
import { documentFrom } from './documents';
import { labFromObservation, rawLabResultsFor } from './labs';
import { patientFromFhir, patientFromRest } from './patient';
import { vitalsFromObservations } from './vitals';

const NY = 'America/New_York';
const entries = <T extends Resource>(name: string): T[] =>
  ((recording(name).response.body as Bundle).entry ?? []).map((e) => e.resource as T);

describe('patient', () => {
  it('maps the REST read (numeric ids become strings)', () => {
    const rec = (recording('api-patient-read').response.body as { data: Record<string, unknown> }).data;
    expect(patientFromRest(rec)).toEqual({ uuid: FARRAH.uuid, pid: '5', givenName: 'Farrah', familyName: 'Rolle', birthDate: '1973-10-11', email: 'frolle@pennfirm.com' });
  });
  it('maps the FHIR read', () => {
    const p = recording('fhir-Patient-read').response.body as never;
    expect(patientFromFhir(p, '5')).toEqual({ uuid: FARRAH.uuid, pid: '5', givenName: 'Farrah', familyName: 'Rolle', birthDate: '1973-10-11' });
  });
});

describe('labs (recorded FHIR + raw procedure results)', () => {
  const obs = entries<Observation>('fhir-Observation-search-laboratory');
  const byCode = (code: string) => obs.find((o) => o.code?.coding?.[0]?.code === code)!;
  // No /api/procedure recording exists; these orders use the recorded Observation uuids and the documented shape.
  const orders = [
    {
      name: 'Basic metabolic panel', puuid: FARRAH.uuid, pid: '5',
      reports: [{ date: '2026-11-21 08:00:00', results: [
        { uuid: byCode('2160-0').id, code: '2160-0', text: 'Creatinine', result: '<0.01', range: '0.00-0.04', units: 'mg/dL', abnormal: '', comments: '' },
        { uuid: byCode('2823-3').id, code: '2823-3', text: 'Potassium', result: '5.4', range: '3.5-5.1', units: 'mmol/L', abnormal: '', comments: 'Repeat in 2 weeks' },
        { uuid: byCode('2345-7').id, code: '2345-7', text: 'Glucose', result: '94', range: '70-99', units: 'mg/dL', abnormal: 'no', comments: null },
      ] }],
    },
    {
      name: 'Lipid panel', patient: { uuid: FARRAH.uuid, pid: 5 },
      reports: [{ date: '2026-11-21', results: [
        { uuid: byCode('2093-3').id, result: '212', range: '<200', units: 'mg/dL', abnormal: 'high' },
        { uuid: byCode('2085-9').id, result: '55', range: '>40', units: 'mg/dL', abnormal: null },
      ] }],
    },
    { name: 'Someone else', puuid: BRENT.uuid, reports: [{ results: [{ uuid: byCode('18262-6').id, result: '999', range: '<100', abnormal: 'vhigh' }] }] },
  ];
  const raw = rawLabResultsFor(orders, FARRAH);

  it('keeps only the linked patient orders', () => {
    expect(raw.size).toBe(5);
    expect(raw.has(byCode('18262-6').id!)).toBe(false);
  });

  it('prefers the raw string: "<0.01" is shown as written, never 0, and is normal against 0.00-0.04', () => {
    const lab = labFromObservation(byCode('2160-0'), raw.get(byCode('2160-0').id!), NY)!;
    expect(byCode('2160-0').valueQuantity?.value).toBe(0); // what OpenEMR's FHIR says
    expect(lab.value).toEqual({ kind: 'quantity', numeric: 0.01, comparator: '<', text: '<0.01', unit: 'mg/dL' });
    expect(lab.referenceRange).toEqual({ low: 0, high: 0.04, text: '0.00-0.04', unit: 'mg/dL' });
    expect(lab).toMatchObject({ flag: 'N', abnormal: false, critical: false, panel: 'Basic metabolic panel', name: 'Creatinine', code: '2160-0', status: 'final' });
  });

  it('derives H when OpenEMR recorded no flag; keeps the recorded flag otherwise', () => {
    expect(labFromObservation(byCode('2823-3'), raw.get(byCode('2823-3').id!), NY)).toMatchObject({ flag: 'H', abnormal: true, note: 'Repeat in 2 weeks' });
    expect(labFromObservation(byCode('2093-3'), raw.get(byCode('2093-3').id!), NY)).toMatchObject({ flag: 'H', panel: 'Lipid panel' });
    expect(labFromObservation(byCode('2085-9'), raw.get(byCode('2085-9').id!), NY)).toMatchObject({ flag: 'N' });
    expect(labFromObservation(byCode('2345-7'), raw.get(byCode('2345-7').id!), NY)).toMatchObject({ flag: 'N' });
  });

  it('reads the FHIR wall time in the clinic zone (the +00:00 is the server offset, not the truth)', () => {
    expect(labFromObservation(byCode('2345-7'), undefined, NY)!.effectiveAt).toBe('2026-11-21T13:00:00.000Z');
    expect(labFromObservation(byCode('2345-7'), undefined, 'Asia/Kolkata')!.effectiveAt).toBe('2026-11-21T02:30:00.000Z');
  });

  it('without raw strings falls back to FHIR values and still shows a 0', () => {
    const lab = labFromObservation(byCode('2160-0'), undefined, NY)!;
    expect(lab.value).toEqual({ kind: 'quantity', numeric: 0, comparator: null, text: '0', unit: 'mg/dL' });
    expect(lab).toMatchObject({ referenceRange: null, flag: null, abnormal: false, panel: null });
    expect(labFromObservation(byCode('2823-3'), undefined, NY)!.note).toBe('Repeat in 2 weeks');
  });
});

describe('vitals (recorded)', () => {
  const vitals = vitalsFromObservations(entries<Observation>('fhir-Observation-search-vital-signs'), NY);
  it('one BP reading per form, systolic/diastolic, no duplicates from the 8480-6/8462-4 copies', () => {
    const bp = vitals.filter((v) => v.kind === 'blood-pressure');
    expect(bp.map((v) => [v.value, v.secondary, v.unit])).toEqual([[132, 84, 'mmHg'], [124, 80, 'mmHg']]);
  });
  it('units for display, empty fields skipped, one SpO2 per form', () => {
    const kinds = (k: string) => vitals.filter((v) => v.kind === k);
    expect(kinds('weight').map((v) => [v.value, v.unit])).toEqual([[158.4, 'lb'], [160.1, 'lb']]);
    expect(kinds('height')[0]?.unit).toBe('in');
    expect(kinds('temperature')[0]).toMatchObject({ value: 98.4, unit: '°F' });
    expect(kinds('heart-rate')[0]).toMatchObject({ value: 76, unit: '/min' });
    expect(kinds('oxygen-saturation')).toHaveLength(2);
    expect(kinds('bmi')).toHaveLength(0);
    expect(vitals[0]!.effectiveAt).toBe('2026-12-03T21:06:47.000Z');
    expect(vitals).toHaveLength(14); // 7 measured kinds x 2 forms
  });
});

describe('clinical lists (recorded)', () => {
  it('medications: prescription and its list entry become one', () => {
    const meds = medicationsFrom(entries<MedicationRequest>('fhir-MedicationRequest-search'));
    expect(meds.map((m) => m.name)).toEqual(['Lisinopril 10 MG Oral Tablet', 'Cetirizine 10 MG Oral Tablet']);
    expect(meds[0]).toMatchObject({ dosage: 'Take 1 tablet by mouth once daily', status: 'active', startedOn: '2026-11-20' });
  });
  it('allergies: the substance comes from the narrative when the code is data-absent', () => {
    const a = entries<AllergyIntolerance>('fhir-AllergyIntolerance-search').map(allergyFrom);
    expect(a.map((x) => x?.substance)).toEqual(['Penicillin', 'Peanuts']);
    expect(a[0]).toMatchObject({ status: 'active', reactions: [], recordedOn: null });
  });
  it('problems: empty displays fall back to the code', () => {
    const p = entries<Condition>('fhir-Condition-search').map(problemFrom);
    expect(p.map((x) => [x?.name, x?.code, x?.status])).toEqual([['I10', 'I10', 'active'], ['J30.2', 'J30.2', 'active']]);
  });
  it('immunizations', () => {
    const i = entries<Immunization>('fhir-Immunization-search').map(immunizationFrom);
    expect(i[0]).toEqual({ id: 'a35fb20b-8463-4459-ae38-52fa685cd1c7', vaccine: 'Influenza, injectable, quadrivalent, preservative free', cvxCode: '150', occurredOn: '2026-10-01', status: 'completed', lotNumber: 'FLU-TEST-001' });
  });
});

describe('documents (recorded)', () => {
  it('hides entered-in-error', () => {
    const docs = entries<DocumentReference>('fhir-DocumentReference-search').map((d) => documentFrom(d, NY)).filter(Boolean);
    expect(docs.map((d) => [d?.title, d?.category, d?.contentType])).toEqual([['visit-summary.txt', 'Medical Record', 'text/plain'], ['lab-note.txt', 'Lab Report', 'text/plain']]);
    expect(docs[0]?.createdAt).toBe('2026-12-03T21:07:30.000Z');
  });
});

describe('appointments (recorded REST)', () => {
  const recs = recording('api-patient-appointment-list').response.body as Record<string, unknown>[];
  it('maps local times with the clinic zone; the bogus 00:00:00 end is unknown', () => {
    const a = recs.map((r) => appointmentFromRest(r, NY));
    expect(a[0]).toEqual({ id: '7', start: '2026-12-15T15:00:00.000Z', end: null, status: 'proposed', type: 'Established Patient', provider: null, location: 'Harness Demo Clinic', comment: null });
    // The single read carries the reason and the duration that the list leaves out.
    const read = recording('api-patient-appointment-read.json').response.body as Record<string, unknown>[];
    expect(appointmentFromRest(read[0]!, NY)).toMatchObject({ comment: 'Blood pressure recheck', end: '2026-12-15T15:15:00.000Z' });
    expect(a[2]).toMatchObject({ id: '9', status: 'fulfilled', start: '2026-11-20T14:30:00.000Z' });
  });
  it('uses provider names, title and end/duration when present', () => {
    const a = appointmentFromRest({ pc_eid: '12', pc_eventDate: '2026-07-01', pc_startTime: '09:00:00', pc_endTime: '09:15:00', pc_apptstatus: '^', pce_aid_fname: 'Ann', pce_aid_lname: 'Smith', pc_title: 'Office Visit', facility_name: 'Main', pc_hometext: 'cough' }, NY);
    expect(a).toEqual({ id: '12', start: '2026-07-01T13:00:00.000Z', end: '2026-07-01T13:15:00.000Z', status: 'pending', type: 'Office Visit', provider: 'Ann Smith', location: 'Main', comment: 'cough' });
    expect(appointmentFromRest({ pc_eid: 1, pc_eventDate: '2026-03-08', pc_startTime: '01:30:00', pc_endTime: '00:00:00', pc_duration: '3600' }, NY)?.end).toBe('2026-03-08T07:30:00.000Z');
  });
  it.each([
    ['-', 'proposed'], ['#', 'pending'], ['^', 'pending'], ['>', 'fulfilled'], ['$', 'fulfilled'], ['AVM', 'booked'], ['SMS', 'booked'],
    ['EMAIL', 'booked'], ['*', 'booked'], ['%', 'cancelled'], ['!', 'cancelled'], ['x', 'cancelled'], ['?', 'noshow'], ['~', 'arrived'],
    ['@', 'arrived'], ['<', 'checked-in'], ['+', 'checked-in'], ['CALL', 'waitlist'], ['zzz', 'pending'], ['', 'pending'],
  ])('pc_apptstatus %s -> %s', (code, status) => expect(appointmentStatus(code)).toBe(status));
});
