import type {
  AllergyIntolerance, Condition, DocumentReference, Immunization as FhirImmunization, MedicationRequest, Observation, Patient, Resource,
} from '@medplum/fhirtypes';
import type { Allergy, Appointment, DocumentSummary, Immunization, LabResult, Medication, PatientSummary, Problem, VitalReading } from '@portico/contracts';
import { OpenEmrNotFoundError } from './errors';
import type { FhirClient } from './fhir-client';
import { appointmentFromRest, appointmentOwner } from './mappers/appointments';
import { allergyFrom, immunizationFrom, medicationsFrom, problemFrom } from './mappers/clinical';
import { enrichAllergy, enrichProblem, indexIssues, type IssueRow } from './mappers/issues';
import { binaryIdOf, documentFrom, isVisibleDocument, safeFilename } from './mappers/documents';
import { labFromObservation, rawLabResultsFor, type RawLabResult } from './mappers/labs';
import { patientFromFhir } from './mappers/patient';
import { referenceId } from './mappers/util';
import { vitalsFromObservations } from './mappers/vitals';
import type { PractitionerNames } from './practitioners';
import type { RestClient } from './rest-client';
import { keepOwn } from './scoping';
import type { OpenEmrHooks, PatientEhr, PatientLink } from './types';

const isUpcoming = (r: Record<string, unknown>, now: number): boolean => {
  const date = typeof r.pc_eventDate === 'string' ? r.pc_eventDate : null;
  // A day of slack either side of the clinic's midnight keeps this cheap and never misses today's visits.
  return date !== null && Date.parse(`${date}T23:59:59Z`) + 86_400_000 >= now;
};
const notNull = <T>(x: T | null): x is T => x !== null;
const byDateDesc = <T>(key: (t: T) => string | null) => (a: T, b: T) => (key(b) ?? '').localeCompare(key(a) ?? '');

/** Reads for one linked patient. Each request names the patient; each answer is filtered by patient again. */
export class OpenEmrPatientEhr implements PatientEhr {
  constructor(
    private readonly link: PatientLink,
    private readonly fhir: FhirClient,
    private readonly rest: RestClient,
    private readonly timeZone: string,
    private readonly hooks: OpenEmrHooks,
    private readonly practitioners: PractitionerNames,
    private readonly categories?: Record<string, string>,
  ) {}

  async patient(): Promise<PatientSummary> {
    const p = await this.fhir.read<Patient>('Patient', this.link.uuid);
    if (p.id !== this.link.uuid) {
      this.dropped('GET fhir/Patient/:id', 'Patient', 1);
      throw new OpenEmrNotFoundError('patient not found', 'GET fhir/Patient/:id');
    }
    return patientFromFhir(p, this.link.pid);
  }

  async labs(): Promise<LabResult[]> {
    const [observations, raw] = await Promise.all([
      this.search<Observation>('Observation', { category: 'laboratory' }, 'subject'),
      this.rawLabs(),
    ]);
    return observations
      .map((o) => labFromObservation(o, o.id ? raw.get(o.id) : undefined, this.timeZone))
      .filter(notNull)
      .sort(byDateDesc((l) => l.effectiveAt));
  }

  async vitals(): Promise<VitalReading[]> {
    const obs = await this.search<Observation>('Observation', { category: 'vital-signs' }, 'subject');
    return vitalsFromObservations(obs, this.timeZone);
  }

  async medications(): Promise<Medication[]> {
    const requests = await this.search<MedicationRequest>('MedicationRequest', {}, 'subject');
    const meds = medicationsFrom(requests);
    const requester = new Map(requests.map((r) => [r.id, referenceId(r.requester, 'Practitioner')]));
    return Promise.all(meds.map(async (m) => ({ ...m, prescriber: m.prescriber ?? (await this.practitioners.name(requester.get(m.id))) })));
  }

  async allergies(): Promise<Allergy[]> {
    const [found, rows] = await Promise.all([this.search<AllergyIntolerance>('AllergyIntolerance', {}, 'patient'), this.issueRows('allergy')]);
    return found.map(allergyFrom).filter(notNull).map((a) => enrichAllergy(a, rows.get(a.id)));
  }

  async problems(): Promise<Problem[]> {
    const [found, rows] = await Promise.all([this.search<Condition>('Condition', {}, 'subject'), this.issueRows('medical_problem')]);
    // Encounter diagnoses and health concerns are not the patient's problem list.
    const listed = found.filter((c) => !c.category?.length || c.category.some((k) => k.coding?.some((x) => x.code === 'problem-list-item')));
    return listed.map(problemFrom).filter(notNull).map((p) => enrichProblem(p, rows.get(p.id)));
  }

  async immunizations(): Promise<Immunization[]> {
    return (await this.search<FhirImmunization>('Immunization', {}, 'patient'))
      .map(immunizationFrom)
      .filter(notNull)
      .sort(byDateDesc((i) => i.occurredOn));
  }

  async appointments(): Promise<Appointment[]> {
    const template = 'api/patient/:pid/appointment';
    const records = await this.rest.list<Record<string, unknown>>({ template, params: { pid: this.link.pid } });
    const own = keepOwn(records, appointmentOwner, this.link, { endpoint: `GET ${template}`, resourceType: 'appointment', hooks: this.hooks });
    const now = Date.now();
    const mapped = await Promise.all(own.map(async (listed) => {
      // 7.0.2's list leaves out the reason and the duration; the single read has them. Upcoming visits only:
      // they are few, and they are what a patient prepares for.
      // 7.0.2 lists only the provider's uuid (no pce_aid_fname/lname); its name is looked up beside the detail read.
      const providerUuid = !listed.pce_aid_lname && typeof listed.pce_aid_uuid === 'string' ? listed.pce_aid_uuid : null;
      const [r, providerName] = await Promise.all([
        isUpcoming(listed, now) ? this.appointmentDetail(listed) : listed,
        this.practitioners.name(providerUuid),
      ]);
      const a = appointmentFromRest(r, this.timeZone, this.categories);
      if (a && !a.provider) a.provider = providerName;
      return a;
    }));
    return mapped.filter(notNull).sort((a, b) => a.start.localeCompare(b.start));
  }

  async documents(): Promise<DocumentSummary[]> {
    return (await this.documentReferences())
      .map((d) => documentFrom(d, this.timeZone))
      .filter(notNull)
      .sort(byDateDesc((d) => d.createdAt));
  }

  async downloadDocument(id: string): Promise<{ contentType: string; filename: string; body: Buffer }> {
    // Only a DocumentReference found by this patient's own search may be downloaded, so an id guessed or taken
    // from another patient is simply not found.
    const doc = (await this.documentReferences()).find((d) => d.id === id);
    const binaryId = doc ? binaryIdOf(doc) : null;
    if (!doc || !binaryId) throw new OpenEmrNotFoundError('document not found', 'GET fhir/DocumentReference');
    const { contentType, body } = await this.fhir.binary(binaryId);
    const att = doc.content?.[0]?.attachment;
    return { contentType: att?.contentType ?? contentType, filename: safeFilename(att?.title, `document-${id}`), body };
  }

  private async documentReferences(): Promise<DocumentReference[]> {
    return (await this.search<DocumentReference>('DocumentReference', {}, 'subject')).filter(isVisibleDocument);
  }

  private async appointmentDetail(listed: Record<string, unknown>): Promise<Record<string, unknown>> {
    const template = 'api/patient/:pid/appointment/:eid';
    try {
      const [one] = await this.rest.list<Record<string, unknown>>({ template, params: { pid: this.link.pid, eid: String(listed.pc_eid) } });
      // The single read ignores :pid, so its answer is checked for ownership like any other.
      const own = one ? keepOwn([one], appointmentOwner, this.link, { endpoint: `GET ${template}`, resourceType: 'appointment', hooks: this.hooks }) : [];
      return own[0] ? { ...listed, ...own[0] } : listed;
    } catch (err) {
      this.hooks.log?.warn({ endpoint: `GET ${template}`, error: (err as Error).name }, 'appointment details unavailable');
      return listed;
    }
  }

  /** The standard API's issue lists carry titles, reactions and dates that FHIR drops; without them, FHIR alone. */
  private async issueRows(kind: 'medical_problem' | 'allergy'): Promise<Map<string, IssueRow>> {
    const template = `api/patient/:puuid/${kind}`;
    try {
      const rows = await this.rest.list<IssueRow>({ template, params: { puuid: this.link.uuid } });
      const own = keepOwn(rows, (r) => ({ uuid: typeof r.puuid === 'string' ? r.puuid : undefined, pid: r.pid === undefined ? undefined : String(r.pid) }), this.link, {
        endpoint: `GET ${template}`, resourceType: kind, hooks: this.hooks,
      });
      return indexIssues(own);
    } catch (err) {
      this.hooks.log?.warn({ endpoint: `GET ${template}`, error: (err as Error).name }, 'issue details unavailable; using FHIR only');
      return new Map();
    }
  }

  /** /api/procedure is the only source of the lab's raw strings; without it labs degrade to FHIR values. */
  private async rawLabs(): Promise<Map<string, RawLabResult>> {
    try {
      const orders = await this.rest.list({ template: 'api/procedure' });
      return rawLabResultsFor(orders, this.link);
    } catch (err) {
      this.hooks.log?.warn({ endpoint: 'GET api/procedure', error: (err as Error).name }, 'raw lab results unavailable; using FHIR values only');
      return new Map();
    }
  }

  private async search<T extends Resource>(type: T['resourceType'], query: Record<string, string>, ownerField: 'subject' | 'patient'): Promise<T[]> {
    const items = await this.fhir.search<T>(type, { patient: this.link.uuid, ...query });
    return keepOwn(
      items,
      (r) => ({ uuid: referenceId((r as unknown as Record<string, unknown>)[ownerField] as { reference?: string } | undefined, 'Patient') }),
      this.link,
      { endpoint: `GET fhir/${type}`, resourceType: type, hooks: this.hooks },
    );
  }

  private dropped(endpoint: string, resourceType: string, count: number): void {
    const event = { kind: 'foreign-patient-record-dropped' as const, endpoint, resourceType, expectedPatient: this.link.uuid, count };
    this.hooks.onSecurityEvent?.(event);
    this.hooks.log?.warn(event, 'dropped records that belong to another patient');
  }
}
