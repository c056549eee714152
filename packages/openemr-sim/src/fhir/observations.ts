import type { Db, LabOrder, LabResult, Vitals } from '../types';
import { nameUuid } from '../util/prng';
import { fhirDate } from '../util/time';
import { meta, ref } from './common';

const CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const INTERP = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const ABNORMAL: Record<string, [string, string]> = {
  no: ['N', 'Normal'], yes: ['A', 'Abnormal'], high: ['H', 'High'], low: ['L', 'Low'], vhigh: ['HH', 'Critical high'], vlow: ['LL', 'Critical low'],
};
const absent = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown', display: 'Unknown' }] };

/** PHP is_numeric on the raw string. */
const isNumeric = (s: string) => /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s);

/**
 * OpenEMR 7.0.2's lab mapping: numeric results become valueQuantity with the value passed through intval()
 * (the raw column is a string, so "0.9" becomes 0 as recorded); anything else ("<0.01", "Negative") is a
 * valueString; empty is dataAbsentReason. referenceRange only when "low-high" yields two non-zero numbers.
 */
export function labObservation(o: LabOrder, r: LabResult, db: Db, tz: string, decimals: boolean): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === o.pid);
  const obs: Record<string, unknown> = {
    id: r.uuid, meta: meta(fhirDate(o.report.date, tz)), resourceType: 'Observation', status: r.status || 'unknown',
    category: [{ coding: [{ system: CAT, code: 'laboratory' }] }],
    code: { coding: [{ system: LOINC, code: r.code, display: r.text }] },
    subject: ref('Patient', p?.uuid ?? ''), effectiveDateTime: fhirDate(o.report.date, tz),
  };
  if (r.result === '') obs.dataAbsentReason = absent;
  else if (isNumeric(r.result)) {
    const q: Record<string, unknown> = { value: decimals ? Number(r.result) : Math.trunc(Number(r.result)) };
    if (r.units) Object.assign(q, { unit: r.units, system: UCUM });
    obs.valueQuantity = q;
  } else obs.valueString = r.result;
  const bounds = r.range.split('-').map((s) => (isNumeric(s) ? Number(s) : 0));
  if (bounds.length >= 2 && bounds[0] && bounds[1]) {
    obs.referenceRange = [{
      low: { value: bounds[0], unit: r.units, system: UCUM, code: r.units },
      high: { value: bounds[1], unit: r.units, system: UCUM, code: r.units },
    }];
  }
  if (r.comments) obs.note = [{ text: r.comments }];
  const flag = ABNORMAL[r.abnormal];
  if (flag) obs.interpretation = [{ coding: [{ system: INTERP, code: flag[0], display: flag[1] }] }];
  return obs;
}

interface VitalDef { code: string; display: string; alt?: [string, string]; get?: (v: Vitals) => number | null; unit?: string; ucum?: string; str?: (v: Vitals) => string }
const VITALS: VitalDef[] = [
  { code: '9279-1', display: 'Respiratory Rate', get: (v) => v.respiration, unit: '/min', ucum: '/min' },
  { code: '8867-4', display: 'Heart rate', get: (v) => v.pulse, unit: '/min', ucum: '/min' },
  { code: '2708-6', display: 'Oxygen saturation in Arterial blood', alt: ['59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'], get: (v) => v.spo2, unit: '%', ucum: '%' },
  { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', alt: ['2708-6', 'Oxygen saturation in Arterial blood'] },
  { code: '3151-8', display: 'Inhaled oxygen flow rate' },
  { code: '8310-5', display: 'Body Temperature', get: (v) => v.temperature, unit: 'degF', ucum: '[degF]' },
  { code: '8327-9', display: 'Temperature Location', str: (v) => v.tempMethod },
  { code: '8302-2', display: 'Body height', get: (v) => v.height, unit: 'in_i', ucum: '[in_i]' },
  { code: '9843-4', display: 'Head Occipital-frontal circumference', get: () => null },
  { code: '29463-7', display: 'Body weight', get: (v) => v.weight, unit: 'lb_av', ucum: '[lb_av]' },
  { code: '39156-5', display: 'Body mass index (BMI) [Ratio]', get: (v) => v.bmi, unit: 'kg/m2', ucum: 'kg/m2' },
  { code: '85354-9', display: 'Blood pressure systolic and diastolic' },
  { code: '8480-6', display: 'Systolic blood pressure' },
  { code: '8462-4', display: 'Diastolic blood pressure' },
  { code: '8289-1', display: 'Head Occipital-frontal circumference Percentile', get: () => null },
  { code: '59576-9', display: 'Body mass index (BMI) [Percentile] Per age and sex', get: () => null },
  { code: '77606-2', display: 'Weight-for-length Per age and sex', get: () => null },
  { code: '3150-0', display: 'Inhaled Oxygen Saturation', get: () => null },
];

const qty = (value: number, unit: string, code: string) => ({ value, unit, system: UCUM, code });
const bpComponent = (code: string, display: string, v: number | null) => (v === null
  ? { code: { coding: [{ system: LOINC, code, display }] }, dataAbsentReason: absent }
  : { code: { coding: [{ system: LOINC, code, display }] }, valueQuantity: qty(v, 'mm[Hg]', 'mm[Hg]') });

/** One form_vitals row fans out to a panel plus one Observation per measurement, as FhirObservationVitalsService does. */
export function vitalsObservations(v: Vitals, db: Db, tz: string): Record<string, unknown>[] {
  const p = db.patients.find((x) => x.pid === v.pid);
  const base = (code: string) => ({
    id: nameUuid(`vital-obs:${v.uuid}:${code}`), meta: meta(fhirDate(v.date, tz)), resourceType: 'Observation', status: 'final',
    category: [{ coding: [{ system: CAT, code: 'vital-signs' }] }],
  });
  const tail = { subject: ref('Patient', p?.uuid ?? ''), effectiveDateTime: fhirDate(v.date, tz) };
  const out: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  for (const d of VITALS) {
    const codings = [{ system: LOINC, code: d.code, display: d.display }, ...(d.alt ? [{ system: LOINC, code: d.alt[0], display: d.alt[1] }] : [])];
    const o: Record<string, unknown> = { ...base(d.code), code: { coding: codings }, ...tail };
    if (d.code === '85354-9') o.component = [bpComponent('8480-6', 'Systolic blood pressure', v.bps), bpComponent('8462-4', 'Diastolic blood pressure', v.bpd)];
    else if (d.code === '8480-6') o.component = [bpComponent('8480-6', d.display, v.bps)];
    else if (d.code === '8462-4') o.component = [bpComponent('8462-4', d.display, v.bpd)];
    else if (d.code === '59408-5') {
      o.component = [
        { code: { coding: [{ system: LOINC, code: '3151-8', display: 'Inhaled oxygen flow rate' }] }, dataAbsentReason: absent },
        v.spo2 === null ? { code: { coding: [{ system: LOINC, code: '3150-0', display: 'Oxygen saturation in Arterial blood' }] }, dataAbsentReason: absent }
          : { code: { coding: [{ system: LOINC, code: '3150-0', display: 'Oxygen saturation in Arterial blood' }] }, valueQuantity: qty(v.spo2, '%', '%') },
      ];
    } else if (d.str) o.valueString = d.str(v);
    else if (d.get) {
      const val = d.get(v);
      if (val === null) o.dataAbsentReason = absent; else o.valueQuantity = qty(val, d.unit ?? '', d.ucum ?? '');
    }
    out.push(o);
    if (!['8289-1', '59576-9', '77606-2', '3150-0'].includes(d.code)) members.push({ reference: `Observation/${String(o.id)}`, type: 'Observation', display: d.display });
  }
  const panel = { ...base('85353-1'), code: { coding: [{ system: LOINC, code: '85353-1', display: 'Vital signs, weight, height, head circumference, oxygen saturation and BMI panel' }] }, ...tail, hasMember: members };
  return [panel, ...out];
}
