import type { Appointment, Db, DocumentRow, Encounter, Facility, Immunization, LabOrg, ListItem, Patient, Prescription, User } from '../types';
import { fhirDate, fhirDateMillis, nowLocal } from '../util/time';
import { coding, meta, ref } from './common';

const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const ICD10 = '2.16.840.1.113883.6.90';
const div = (t: string) => ({ status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"> <p>${t}</p></div>` });

export function fhirPatient(p: Patient, tz: string): Record<string, unknown> {
  const telecom = [
    ...(p.phoneHome ? [{ system: 'phone', value: p.phoneHome, use: 'home' }] : []),
    ...(p.phoneBiz ? [{ system: 'phone', value: p.phoneBiz, use: 'work' }] : []),
    ...(p.email ? [{ system: 'email', value: p.email, use: 'home' }] : []),
  ];
  const address: Record<string, unknown> = { use: 'home', type: 'both', ...(p.street ? { line: [p.street] } : {}), city: p.city, state: p.state };
  if (p.postal) address.postalCode = p.postal;
  address.period = { start: fhirDateMillis(p.regDate, tz) };
  return {
    id: p.uuid, meta: meta(fhirDate(p.regDate, tz)), resourceType: 'Patient', text: div(`${p.fname} ${p.lname}`),
    extension: [
      { valueCode: p.sex === 'Female' ? 'F' : 'M', url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex' },
      { extension: [{ valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', code: 'UNK', display: 'Unknown' }, url: 'ombCategory' }, { valueString: 'Unknown', url: 'text' }],
        url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race' },
    ],
    identifier: [
      { use: 'official', type: { coding: [{ system: V2_0203, code: 'SS' }] }, system: 'http://hl7.org/fhir/sid/us-ssn', value: p.ss },
      { use: 'official', type: { coding: [{ system: V2_0203, code: 'PT' }] }, system: V2_0203, value: p.pubpid },
    ],
    active: true,
    name: [{ use: 'official', family: p.lname, given: p.mname ? [p.fname, p.mname] : [p.fname], prefix: [p.title] }],
    ...(telecom.length ? { telecom } : {}),
    gender: p.sex === 'Female' ? 'female' : 'male', birthDate: p.DOB, address: [address],
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en', display: 'English' }], text: 'English' } }],
  };
}

export function fhirPractitioner(u: User, db: Db, tz: string): Record<string, unknown> {
  const f = db.facilities.find((x) => x.id === u.facilityId);
  const now = fhirDate(nowLocal(tz), tz);
  return {
    id: u.uuid, meta: meta(now), resourceType: 'Practitioner', text: div(`${u.fname ?? ''} ${u.lname}`),
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: u.npi }], active: u.active,
    name: [{ use: 'official', family: u.lname, given: [u.fname], prefix: [u.title] }],
    telecom: [{ system: 'phone', value: u.phone, use: 'home' }, { system: 'email', value: u.email, use: 'home' }],
    address: [{ line: [f?.street ?? ''], city: f?.city ?? '', state: f?.state ?? '', period: { start: fhirDateMillis(`${db.anchorDate}`, tz) } }],
  };
}

export function fhirOrganization(f: Facility | LabOrg, tz: string): Record<string, unknown> {
  const o: Record<string, unknown> = {
    id: f.uuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'Organization', text: div(f.name),
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: f.npi }], active: true,
    type: [coding('http://terminology.hl7.org/CodeSystem/organization-type', 'prov', 'Healthcare Provider')], name: f.name,
  };
  if ('street' in f) {
    o.telecom = [{ system: 'phone', value: f.phone, use: 'work' }, { system: 'email', value: f.email, use: 'work' }, { system: 'fax', value: f.fax, use: 'work' }];
    o.address = [{ line: [f.street], city: f.city, state: f.state, postalCode: f.zip, country: 'US', period: { start: fhirDateMillis(nowLocal(tz), tz) } }];
  }
  return o;
}

export function fhirFacilityLocation(f: Facility, tz: string): Record<string, unknown> {
  return {
    id: f.locationUuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'Location', status: 'active', name: f.name,
    telecom: [{ system: 'phone', value: f.phone }, { system: 'fax', value: f.fax }, { system: 'email', value: f.email }],
    address: { type: 'physical', line: [f.street], city: f.city, state: f.state, postalCode: f.zip, country: 'US', period: { start: fhirDateMillis(nowLocal(tz), tz) } },
  };
}

export function fhirPatientLocation(p: Patient, tz: string): Record<string, unknown> {
  return {
    id: p.locationUuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'Location', status: 'active', name: 'Home Address',
    ...(p.email ? { telecom: [{ system: 'email', value: p.email }] } : {}),
    address: { type: 'physical', line: [p.street], city: p.city, state: p.state, ...(p.postal ? { postalCode: p.postal } : {}), period: { start: fhirDateMillis(nowLocal(tz), tz) } },
  };
}

export function fhirEncounter(e: Encounter, db: Db, tz: string): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === e.pid);
  const u = db.users.find((x) => x.id === e.providerId);
  const f = db.facilities.find((x) => x.id === e.facilityId);
  const start = fhirDate(e.date, tz);
  return {
    id: e.uuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'Encounter', identifier: [{ system: `urn:uuid:${e.uuid}`, value: e.uuid }],
    status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    type: [coding('http://snomed.info/sct', '185349003', 'Encounter for check up (procedure)')], subject: ref('Patient', p?.uuid ?? ''),
    participant: [{ type: [coding('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'PPRF', 'Primary Performer')], period: { start },
      individual: ref('Practitioner', u?.uuid ?? '') }],
    period: { start }, reasonCode: [{ text: e.reason }], location: [{ location: ref('Location', f?.locationUuid ?? '') }],
    serviceProvider: ref('Organization', f?.uuid ?? ''),
  };
}

export function fhirCondition(l: ListItem, db: Db, tz: string): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === l.pid);
  const code = l.diagnosis.split(':')[1] ?? l.diagnosis;
  return {
    id: l.uuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'Condition',
    clinicalStatus: coding('http://terminology.hl7.org/CodeSystem/condition-clinical', l.active ? 'active' : 'inactive', l.active ? 'Active' : 'Inactive'),
    verificationStatus: coding('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'unconfirmed', 'Unconfirmed'),
    category: [coding('http://terminology.hl7.org/CodeSystem/condition-category', 'problem-list-item', 'Problem List Item')],
    code: { coding: [{ system: ICD10, code, display: '' }] }, subject: { reference: `Patient/${p?.uuid ?? ''}` },
  };
}

export function fhirAllergy(l: ListItem, db: Db, tz: string): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === l.pid);
  return {
    id: l.uuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'AllergyIntolerance',
    text: { status: 'additional', div: `<div xmlns='http://www.w3.org/1999/xhtml'>${l.title}</div>` },
    clinicalStatus: coding('http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'active', 'Active'),
    verificationStatus: coding('http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', 'unconfirmed', 'Unconfirmed'),
    category: ['medication'], code: coding('http://terminology.hl7.org/CodeSystem/data-absent-reason', 'unknown', 'Unknown'),
    patient: { reference: `Patient/${p?.uuid ?? ''}` },
  };
}

const RX_CAT = [coding('http://terminology.hl7.org/CodeSystem/medicationrequest-category', 'community', 'Home/Community')];

export function fhirPrescription(rx: Prescription, db: Db, tz: string): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === rx.pid);
  const e = rx.eid === null ? undefined : db.encounters.find((x) => x.eid === rx.eid);
  const u = db.users.find((x) => x.id === rx.providerId);
  return {
    id: rx.uuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'MedicationRequest', status: 'active', intent: 'order', category: RX_CAT,
    reportedBoolean: false, medicationCodeableConcept: coding('http://www.nlm.nih.gov/research/umls/rxnorm', rx.rxnorm, rx.drug),
    subject: ref('Patient', p?.uuid ?? ''), ...(e ? { encounter: ref('Encounter', e.uuid) } : {}), authoredOn: fhirDate(rx.dateAdded, tz),
    requester: ref('Practitioner', u?.uuid ?? ''), dosageInstruction: [{ text: rx.instructions }],
  };
}

export function fhirMedicationList(l: ListItem, db: Db, tz: string): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === l.pid);
  return {
    id: l.uuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'MedicationRequest', status: 'active', intent: 'plan', category: RX_CAT,
    reportedBoolean: false, medicationCodeableConcept: coding(ICD10, l.diagnosis.split(':')[1] ?? '', l.title),
    subject: ref('Patient', p?.uuid ?? ''), authoredOn: fhirDate(l.date, tz),
  };
}

export function fhirImmunization(i: Immunization, db: Db, tz: string): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === i.pid);
  const u = db.users.find((x) => x.id === i.providerId);
  return {
    id: i.uuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'Immunization', status: 'completed',
    vaccineCode: coding('http://hl7.org/fhir/sid/cvx', i.cvx, i.cvxText), patient: { reference: `Patient/${p?.uuid ?? ''}` },
    occurrenceDateTime: fhirDate(i.date, tz), recorded: fhirDate(i.createDate, tz), primarySource: false, lotNumber: i.lot,
    expirationDate: fhirDate(i.expiration, tz), site: coding('http://terminology.hl7.org/CodeSystem/v3-ActSite', 'LA', 'Left Arm'),
    doseQuantity: { value: 0, system: 'http://unitsofmeasure.org', code: 'mL' }, performer: [{ actor: ref('Practitioner', u?.uuid ?? '') }],
    note: [{ text: i.note }],
  };
}

const APPT_STATUS: Record<string, string> = {
  '-': 'proposed', '#': 'pending', '^': 'pending', '>': 'fulfilled', $: 'fulfilled', AVM: 'booked', SMS: 'booked', EMAIL: 'booked', '*': 'booked',
  '%': 'cancelled', '!': 'cancelled', x: 'cancelled', '?': 'noshow', '~': 'arrived', '@': 'arrived', '<': 'checked-in', '+': 'checked-in', CALL: 'waitlist',
};

export function fhirAppointment(a: Appointment, db: Db, tz: string): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === a.pid);
  const u = db.users.find((x) => x.id === a.aid);
  const part = (code: string, display: string, type: string, id: string) => ({
    type: [coding('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code, display)], actor: ref(type, id), status: 'accepted',
  });
  return {
    id: a.uuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'Appointment', status: APPT_STATUS[a.status] ?? 'pending',
    start: fhirDate(`${a.date} ${a.startTime}`, tz), end: fhirDate(`${a.date} ${a.endTime}`, tz),
    participant: [part('PART', 'Participant', 'Patient', p?.uuid ?? ''), ...(u?.npi ? [part('PPRF', 'Primary Performer', 'Practitioner', u.uuid)] : [])],
  };
}

export function fhirDocumentReference(d: DocumentRow, db: Db, base: string, tz: string): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === d.pid);
  return {
    id: d.uuid, meta: meta(fhirDate(nowLocal(tz), tz)), resourceType: 'DocumentReference', identifier: [{ value: d.uuid }], status: 'current',
    type: coding('http://terminology.hl7.org/CodeSystem/v3-NullFlavor', 'UNK', 'unknown'), category: [{ text: d.category }],
    subject: ref('Patient', p?.uuid ?? ''), date: fhirDate(d.date, tz),
    content: [{ attachment: { contentType: d.mimetype, url: `${base}/apis/default/fhir/Binary/${d.uuid}`, title: d.name },
      format: { system: 'http://ihe.net/fhir/ValueSet/IHE.FormatCode.codesystem', code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient', display: 'mimeType Sufficient' } }],
  };
}
