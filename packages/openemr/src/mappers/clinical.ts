import type { AllergyIntolerance, Condition, Immunization as FhirImmunization, MedicationRequest } from '@medplum/fhirtypes';
import type { Allergy, Immunization, Medication, Problem } from '@portico/contracts';
import { toCalendarDate } from '@portico/domain';
import { conceptText, firstCode, narrativeText } from './util';

const clinicalStatus = (c: { coding?: { code?: string }[] } | undefined, fallback: string) => c?.coding?.[0]?.code ?? fallback;

/**
 * OpenEMR lists a prescription and the medication-list entry it created as two MedicationRequests (intent order and
 * plan) with differently-cased names; the patient should see one. The order (it has dosage and prescriber) wins.
 */
export function medicationsFrom(requests: MedicationRequest[]): Medication[] {
  const byName = new Map<string, { m: Medication; order: boolean }>();
  for (const r of requests) {
    if (!r.id) continue;
    const name = conceptText(r.medicationCodeableConcept) ?? r.medicationReference?.display ?? 'Unknown medication';
    const m: Medication = {
      id: r.id,
      name,
      dosage: r.dosageInstruction?.map((d) => d.text).filter(Boolean).join('; ') || null,
      status: r.status ?? 'unknown',
      startedOn: toCalendarDate(r.dispenseRequest?.validityPeriod?.start ?? r.authoredOn),
      prescriber: r.requester?.display ?? null,
    };
    const key = medicationKey(name);
    const order = r.intent === 'order';
    const prev = byName.get(key);
    // The entry that wins keeps the earliest start: the list entry says since when the patient has taken it,
    // the newest prescription only when it was last renewed.
    const earliest = [prev?.m.startedOn, m.startedOn].filter((d): d is string => !!d).sort()[0] ?? null;
    if (!prev || (order && !prev.order)) byName.set(key, { m: { ...m, startedOn: earliest }, order });
    else prev.m.startedOn = earliest;
  }
  return [...byName.values()].map((v) => v.m);
}

/**
 * The same medicine named two ways ("Metformin hydrochloride 1000 MG Oral Tablet" on the prescription, "Metformin
 * 1000 mg oral tablet" on the list) is one entry for the patient: its first word and its strength identify it.
 */
export function medicationKey(name: string): string {
  const n = name.toLowerCase().replace(/\s+/g, ' ').trim();
  const strength = /(\d+(?:\.\d+)?)\s*(mg|mcg|µg|g|ml|units?|iu|%)(?![a-z])/.exec(n);
  if (!strength) return n;
  // 90 mcg and 0.09 MG are the same strength: compare masses in milligrams.
  const toMg: Record<string, number> = { mcg: 0.001, µg: 0.001, mg: 1, g: 1000 };
  const factor = toMg[strength[2]!];
  const amount = factor === undefined ? `${strength[1]}${strength[2]}` : `${Number((Number(strength[1]) * factor).toPrecision(6))}mg`;
  return `${n.split(' ')[0]}|${amount}`;
}

export function allergyFrom(a: AllergyIntolerance): Allergy | null {
  if (!a.id) return null;
  const reactions = (a.reaction ?? []).flatMap((r) => (r.manifestation ?? []).map((m) => conceptText(m)).filter((x): x is string => !!x));
  return {
    id: a.id,
    substance: conceptText(a.code) ?? narrativeText(a.text?.div) ?? 'Unknown substance',
    reactions,
    severity: a.reaction?.find((r) => r.severity)?.severity ?? null,
    criticality: a.criticality ?? null,
    status: clinicalStatus(a.clinicalStatus, 'unknown'),
    recordedOn: toCalendarDate(a.recordedDate ?? a.onsetDateTime),
  };
}

export function problemFrom(c: Condition): Problem | null {
  if (!c.id) return null;
  const code = firstCode(c.code);
  return {
    id: c.id,
    // OpenEMR 7.0.2 sends ICD-10 codings with an empty display; the code is all there is to show then.
    name: conceptText(c.code) ?? narrativeText(c.text?.div) ?? code ?? 'Unnamed problem',
    code,
    status: clinicalStatus(c.clinicalStatus, 'unknown'),
    onsetOn: toCalendarDate(c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate),
  };
}

export function immunizationFrom(i: FhirImmunization): Immunization | null {
  if (!i.id) return null;
  return {
    id: i.id,
    vaccine: conceptText(i.vaccineCode) ?? 'Vaccine',
    cvxCode: firstCode(i.vaccineCode, 'cvx'),
    occurredOn: toCalendarDate(i.occurrenceDateTime ?? i.occurrenceString),
    status: i.status ?? 'unknown',
    lotNumber: i.lotNumber ?? null,
  };
}
