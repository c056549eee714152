import type { Observation, Quantity } from '@medplum/fhirtypes';
import type { VitalKind, VitalReading } from '@portico/contracts';
import { displayUnit, fhirDateTimeToInstantStrict } from '@portico/domain';
import { firstCode, referenceId } from './util';

const KIND_BY_LOINC: Record<string, VitalKind> = {
  '85354-9': 'blood-pressure', '8867-4': 'heart-rate', '9279-1': 'respiratory-rate', '8310-5': 'temperature',
  '29463-7': 'weight', '8302-2': 'height', '39156-5': 'bmi', '59408-5': 'oxygen-saturation', '2708-6': 'oxygen-saturation',
};
// OpenEMR emits SpO2 twice per form (2708-6 and 59408-5); the pulse-oximetry one is what was measured.
const PREFERENCE: Record<string, number> = { '59408-5': 2, '2708-6': 1 };

/**
 * Vital-sign Observations -> readings. Blood pressure comes from the 85354-9 panel only (systolic in `value`,
 * diastolic in `secondary`); OpenEMR's stand-alone 8480-6/8462-4 copies are ignored so nothing is counted twice.
 * Observations without a value (OpenEMR emits every field of a vitals form, most of them empty) are skipped.
 */
export function vitalsFromObservations(observations: Observation[], timeZone: string): VitalReading[] {
  const panelOf = new Map<string, string>();
  for (const o of observations) {
    for (const m of o.hasMember ?? []) {
      const id = referenceId(m, 'Observation');
      if (id && o.id) panelOf.set(id, o.id);
    }
  }
  const out: VitalReading[] = [];
  const spo2 = new Map<string, { rank: number; index: number }>();
  for (const o of observations) {
    const loinc = firstCode(o.code, 'loinc') ?? firstCode(o.code);
    const kind = loinc ? KIND_BY_LOINC[loinc] : undefined;
    const when = o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued;
    if (!kind || !loinc || !o.id || !when) continue;
    const effectiveAt = fhirDateTimeToInstantStrict(when, timeZone);
    if (kind === 'blood-pressure') {
      const sys = component(o, '8480-6');
      const dia = component(o, '8462-4');
      if (sys?.value === undefined) continue;
      out.push({ id: o.id, kind, effectiveAt, value: sys.value, secondary: dia?.value ?? null, unit: unitOf(sys) ?? 'mmHg' });
      continue;
    }
    const q = o.valueQuantity;
    if (typeof q?.value !== 'number') continue;
    const reading: VitalReading = { id: o.id, kind, effectiveAt, value: q.value, secondary: null, unit: unitOf(q) ?? '' };
    if (kind === 'oxygen-saturation') {
      const group = `${panelOf.get(o.id) ?? o.id}|${effectiveAt}`;
      const rank = PREFERENCE[loinc] ?? 0;
      const prev = spo2.get(group);
      if (prev && prev.rank >= rank) continue;
      if (prev) {
        out[prev.index] = reading;
        spo2.set(group, { rank, index: prev.index });
        continue;
      }
      spo2.set(group, { rank, index: out.length });
    }
    out.push(reading);
  }
  return out.sort((a, b) => (a.effectiveAt < b.effectiveAt ? 1 : a.effectiveAt > b.effectiveAt ? -1 : 0));
}

function component(o: Observation, loinc: string): Quantity | undefined {
  return o.component?.find((c) => c.code?.coding?.some((x) => x.code === loinc))?.valueQuantity;
}

function unitOf(q: Quantity): string | null {
  return displayUnit(q.code ?? q.unit);
}
