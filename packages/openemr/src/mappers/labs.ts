import type { Observation } from '@medplum/fhirtypes';
import type { LabResult, ResultValue } from '@portico/contracts';
import {
  displayUnit, fhirDateTimeToInstantStrict, flagFromCode, flagFromInterpretation, interpretResult, parseReferenceRange,
  parseResultValue, referenceRangeFromFhir, wallTimeToInstant,
  plainLabName,
} from '@portico/domain';
import type { PatientLink } from '../types';
import { conceptText, firstCode, nonEmpty, str } from './util';

/** One procedure_result row as GET /api/procedure nests it, with its order's panel name and report date. */
export interface RawLabResult {
  uuid: string;
  code: string | null;
  text: string | null;
  result: string | null;
  range: string | null;
  units: string | null;
  abnormal: string | null;
  comments: string | null;
  status: string | null;
  panel: string | null;
  reportDate: string | null;
}

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Obj[]) : []);
const pick = (o: Obj, ...keys: string[]): string | null => {
  for (const k of keys) {
    const v = str(o[k]);
    if (v !== null) return v;
  }
  return null;
};

/**
 * /api/procedure answers every patient's orders; keep the linked patient's. Orders that name no patient at all are
 * skipped too. Field names vary between OpenEMR builds, so each is read under its known aliases.
 */
export function rawLabResultsFor(orders: unknown[], link: PatientLink): Map<string, RawLabResult> {
  const out = new Map<string, RawLabResult>();
  for (const order of arr(orders)) {
    const patient = (order.patient && typeof order.patient === 'object' ? order.patient : {}) as Obj;
    const puuid = pick(order, 'puuid', 'patient_uuid') ?? pick(patient, 'uuid', 'puuid');
    const pid = pick(order, 'pid', 'patient_id', 'order_patient_id') ?? pick(patient, 'pid', 'id');
    const mine = puuid !== null ? puuid === link.uuid : pid !== null && pid === link.pid;
    if (!mine) continue;
    const panel = pick(order, 'name', 'procedure_name', 'order_title', 'procedure_type', 'title');
    for (const report of arr(order.reports)) {
      const reportDate = pick(report, 'date', 'report_date', 'date_report', 'date_collected') ?? pick(order, 'date_collected', 'date_ordered');
      for (const r of arr(report.results)) {
        const uuid = pick(r, 'uuid', 'result_uuid');
        if (!uuid) continue;
        out.set(uuid, {
          uuid,
          code: nonEmpty(pick(r, 'code', 'result_code')),
          text: nonEmpty(pick(r, 'text', 'result_text')),
          result: pick(r, 'result', 'result_result', 'result_string'),
          range: pick(r, 'range', 'result_range'),
          units: nonEmpty(pick(r, 'units', 'result_units')),
          abnormal: nonEmpty(pick(r, 'abnormal', 'result_abnormal')),
          comments: nonEmpty(pick(r, 'comments', 'result_comments')),
          status: nonEmpty(pick(r, 'status', 'result_status')),
          panel: nonEmpty(pick(r, 'panel')) ?? nonEmpty(panel),
          reportDate: nonEmpty(reportDate),
        });
      }
    }
  }
  return out;
}

/**
 * A lab Observation joined with its raw procedure_result (same uuid). OpenEMR 7.0.2's FHIR view loses what the lab
 * wrote ("<0.01" becomes 0, text ranges vanish, the flag is dropped), so the raw strings win for value, range, flag
 * and panel; FHIR supplies identity, code, name, date and status. Without a raw row, FHIR's value is shown as is.
 */
export function labFromObservation(obs: Observation, raw: RawLabResult | undefined, timeZone: string): LabResult | null {
  if (!obs.id) return null;
  const unit = displayUnit(raw?.units ?? obs.valueQuantity?.code ?? obs.valueQuantity?.unit);
  const value: ResultValue = raw && raw.result !== null ? parseResultValue(raw.result, unit) : fhirValue(obs, unit);
  const range = raw ? parseReferenceRange(raw.range, unit) : referenceRangeFromFhir(obs.referenceRange?.[0]);
  const recorded = raw ? flagFromCode(raw.abnormal) : flagFromInterpretation(obs.interpretation);
  const { flag, abnormal, critical } = interpretResult(recorded, value, range);
  const when = obs.effectiveDateTime ?? obs.effectivePeriod?.start ?? obs.issued;
  const effectiveAt = when ? fhirDateTimeToInstantStrict(when, timeZone) : raw?.reportDate ? wallOrDate(raw.reportDate, timeZone) : null;
  if (!effectiveAt) return null;
  const fhirNote = (obs.note ?? []).map((n) => n.text).filter(Boolean).join('\n');
  const code = firstCode(obs.code, 'loinc') ?? firstCode(obs.code) ?? raw?.code ?? null;
  return {
    id: obs.id,
    code,
    name: plainLabName(code) ?? conceptText(obs.code) ?? raw?.text ?? firstCode(obs.code) ?? 'Result',
    panel: raw?.panel ?? null,
    effectiveAt,
    status: obs.status ?? raw?.status ?? 'unknown',
    value,
    referenceRange: range,
    flag,
    abnormal,
    critical,
    note: raw?.comments ?? (fhirNote || null),
  };
}

function fhirValue(obs: Observation, unit: string | null): ResultValue {
  const q = obs.valueQuantity;
  if (q && typeof q.value === 'number') {
    const comparator = q.comparator === '<' || q.comparator === '<=' || q.comparator === '>' || q.comparator === '>=' ? q.comparator : null;
    return { kind: 'quantity', numeric: q.value, comparator, text: `${comparator ?? ''}${q.value}`, unit };
  }
  if (obs.valueString !== undefined) return parseResultValue(obs.valueString, unit);
  const concept = conceptText(obs.valueCodeableConcept);
  if (concept) return { kind: 'text', text: concept };
  return { kind: 'none' };
}

function wallOrDate(v: string, timeZone: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? wallTimeToInstant(`${v} 00:00:00`, timeZone) : wallTimeToInstant(v.slice(0, 19), timeZone);
}
