import { describe, expect, it } from 'vitest';
import { medicationKey } from './clinical';

describe('one entry per medicine', () => {
  it('merges a prescription and its medication-list entry named two ways, but not different strengths', () => {
    expect(medicationKey('Metformin hydrochloride 1000 MG Oral Tablet')).toBe(medicationKey('Metformin 1000 mg oral tablet'));
    expect(medicationKey('Lisinopril 10 MG Oral Tablet')).not.toBe(medicationKey('Lisinopril 20 MG Oral Tablet'));
    expect(medicationKey('Albuterol inhaler')).toBe('albuterol inhaler');
  });
});
