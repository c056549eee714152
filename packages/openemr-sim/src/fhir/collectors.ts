import type { FastifyRequest } from 'fastify';
import type { Sim } from '../context';
import { baseUrl } from '../context';
import { fhirDate } from '../util/time';
import type { Item } from './bundle';
import { tokenCodes } from './bundle';
import { coding, meta, ref } from './common';
import { labObservation, vitalsObservations } from './observations';
import {
  fhirAllergy, fhirAppointment, fhirCondition, fhirDocumentReference, fhirEncounter, fhirFacilityLocation, fhirImmunization,
  fhirMedicationList, fhirOrganization, fhirPatient, fhirPatientLocation, fhirPractitioner, fhirPrescription,
} from './resources';

type Q = Record<string, string | undefined>;
/** `pid` lets expensive collectors skip other patients early; callers still filter the result. */
export interface Collector { patientBound: boolean; search: (req: FastifyRequest, q: Q, pid?: number | null) => Item[] }

const has = (v: string | undefined, s: string) => v === undefined || s.toLowerCase().includes(v.toLowerCase());

export function collectors(sim: Sim): Record<string, Collector> {
  const { db, tz } = sim;
  const pb = (search: Collector['search']): Collector => ({ patientBound: true, search });
  const open = (search: Collector['search']): Collector => ({ patientBound: false, search });

  const labs = (pid?: number | null): Item[] => db.labOrders.filter((o) => pid == null || o.pid === pid).flatMap((o) => o.results.map((r) => ({ pid: o.pid, resource: labObservation(o, r, db, tz, sim.knobs.fhirLabDecimals === true) })));
  const vitals = (pid?: number | null): Item[] => db.vitals.filter((v) => pid == null || v.pid === pid).flatMap((v) => vitalsObservations(v, db, tz).map((resource) => ({ pid: v.pid, resource })));

  return {
    Patient: pb((_req, q) => db.patients
      .filter((p) => has(q.family, p.lname) && has(q.given, `${p.fname} ${p.mname}`) && has(q.name, `${p.fname} ${p.mname} ${p.lname}`)
        && (q.email === undefined || p.email.toLowerCase() === q.email.toLowerCase()) && (q.birthdate === undefined || p.DOB === q.birthdate))
      .map((p) => ({ pid: p.pid, resource: fhirPatient(p, tz) }))),
    Observation: pb((_req, q, pid) => {
      const cats = tokenCodes(q.category);
      const codes = tokenCodes(q.code);
      let items = [...(!cats || cats.includes('laboratory') ? labs(pid) : []), ...(!cats || cats.includes('vital-signs') ? vitals(pid) : [])];
      if (codes) items = items.filter((i) => ((i.resource.code as { coding: { code: string }[] }).coding[0]?.code ?? '') && codes.includes((i.resource.code as { coding: { code: string }[] }).coding[0]?.code ?? ''));
      return items;
    }),
    DiagnosticReport: pb(() => db.labOrders.map((o) => {
      const p = db.patients.find((x) => x.pid === o.pid);
      const e = o.eid === null ? undefined : db.encounters.find((x) => x.eid === o.eid);
      const lab = db.labOrgs.find((x) => x.id === o.labId);
      const when = fhirDate(o.report.date, tz);
      return { pid: o.pid, resource: {
        id: o.report.uuid, meta: meta(when), resourceType: 'DiagnosticReport', status: 'final',
        category: [coding('http://terminology.hl7.org/CodeSystem/v2-0074', 'LAB', 'Laboratory')], code: coding('http://loinc.org', o.code, o.name),
        subject: ref('Patient', p?.uuid ?? ''), ...(e ? { encounter: ref('Encounter', e.uuid) } : {}), effectiveDateTime: when, issued: when,
        performer: [ref('Organization', lab?.uuid ?? '')],
        result: o.results.map((r) => ({ ...ref('Observation', r.uuid), display: r.text })),
      } };
    })),
    Condition: pb(() => db.lists.filter((l) => l.type === 'medical_problem').map((l) => ({ pid: l.pid, resource: fhirCondition(l, db, tz) }))),
    AllergyIntolerance: pb(() => db.lists.filter((l) => l.type === 'allergy').map((l) => ({ pid: l.pid, resource: fhirAllergy(l, db, tz) }))),
    MedicationRequest: pb(() => [
      ...db.prescriptions.map((rx) => ({ pid: rx.pid, resource: fhirPrescription(rx, db, tz) })),
      ...db.lists.filter((l) => l.type === 'medication').map((l) => ({ pid: l.pid, resource: fhirMedicationList(l, db, tz) })),
    ]),
    Immunization: pb(() => db.immunizations.map((i) => ({ pid: i.pid, resource: fhirImmunization(i, db, tz) }))),
    Encounter: pb(() => [...db.encounters].sort((a, b) => b.date.localeCompare(a.date)).map((e) => ({ pid: e.pid, resource: fhirEncounter(e, db, tz) }))),
    Appointment: pb(() => db.appointments.map((a) => ({ pid: a.pid, resource: fhirAppointment(a, db, tz) }))),
    DocumentReference: pb((req) => db.documents.map((d) => ({ pid: d.pid, resource: fhirDocumentReference(d, db, baseUrl(req), tz) }))),
    CareTeam: pb(() => []),
    Practitioner: open(() => db.users.filter((u) => u.npi && u.username).map((u) => ({ pid: null, resource: fhirPractitioner(u, db, tz) }))),
    Organization: open(() => [...db.facilities, ...db.labOrgs].map((f) => ({ pid: null, resource: fhirOrganization(f, tz) }))),
    Location: open(() => [
      ...db.patients.map((p) => ({ pid: null, resource: fhirPatientLocation(p, tz) })),
      ...db.facilities.map((f) => ({ pid: null, resource: fhirFacilityLocation(f, tz) })),
    ]),
  };
}
