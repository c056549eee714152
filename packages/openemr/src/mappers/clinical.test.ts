import { describe, expect, it } from 'vitest';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { medicationKey, medicationsFrom } from './clinical';

describe('one entry per medicine', () => {
  it('merges a prescription and its medication-list entry named two ways, but not different strengths', () => {
    expect(medicationKey('Metformin hydrochloride 1000 MG Oral Tablet')).toBe(medicationKey('Metformin 1000 mg oral tablet'));
    expect(medicationKey('Lisinopril 10 MG Oral Tablet')).not.toBe(medicationKey('Lisinopril 20 MG Oral Tablet'));
    expect(medicationKey('Albuterol inhaler')).toBe('albuterol inhaler');
    expect(medicationKey('Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler')).toBe(medicationKey('Albuterol 90 mcg/actuation inhaler'));
  });
});

describe('merged medications', () => {
  it('keep the prescription’s dosage and the earliest start date', () => {
    const order: MedicationRequest = {
      resourceType: 'MedicationRequest', id: 'rx', status: 'active', intent: 'order', subject: {}, authoredOn: '2026-09-03',
      medicationCodeableConcept: { coding: [{ display: 'Metformin hydrochloride 1000 MG Oral Tablet' }] }, dosageInstruction: [{ text: 'twice daily' }],
    };
    const plan: MedicationRequest = {
      resourceType: 'MedicationRequest', id: 'list', status: 'active', intent: 'plan', subject: {}, authoredOn: '2019-01-01',
      medicationCodeableConcept: { coding: [{ display: 'Metformin 1000 mg oral tablet' }] },
    };
    for (const input of [[order, plan], [plan, order]]) {
      const meds = medicationsFrom(input);
      expect(meds).toHaveLength(1);
      expect(meds[0]).toMatchObject({ id: 'rx', dosage: 'twice daily', startedOn: '2019-01-01' });
    }
  });
});
