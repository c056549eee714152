import { describe, expect, it } from 'vitest';
import { enrichAllergy, enrichProblem, indexIssues } from './issues';

const problem = { id: 'u1', name: 'E11.9', code: 'E11.9', status: 'active', onsetOn: null };
const allergy = { id: 'u2', substance: 'Penicillin', reactions: [], severity: null, criticality: null, status: 'active', recordedOn: null };

describe('enriching FHIR problems and allergies with the standard API lists', () => {
  it("replaces a bare ICD-10 code with the clinician's title and adds the onset date", () => {
    const rows = indexIssues([{ uuid: 'u1', title: 'Type 2 diabetes mellitus without complications', begdate: '2017-02-10 00:00:00' }]);
    expect(enrichProblem(problem, rows.get('u1'))).toEqual({ ...problem, name: 'Type 2 diabetes mellitus without complications', onsetOn: '2017-02-10' });
  });

  it('keeps a real FHIR display and leaves unmatched problems alone', () => {
    const named = { ...problem, name: 'Diabetes' };
    expect(enrichProblem(named, { uuid: 'u1', title: 'Other' }).name).toBe('Diabetes');
    expect(enrichProblem(problem, undefined)).toBe(problem);
  });

  it('adds reaction, severity and onset to an allergy', () => {
    const row = { uuid: 'u2', title: 'Penicillin', reaction: 'hives', severity_al: 'moderate', begdate: '1990-01-01 00:00:00' };
    expect(enrichAllergy(allergy, row)).toEqual({ ...allergy, reactions: ['hives'], severity: 'moderate', recordedOn: '1990-01-01' });
  });

  it('humanizes OpenEMR list option ids such as mild_to_moderate', () => {
    expect(enrichAllergy(allergy, { uuid: 'u2', severity_al: 'mild_to_moderate', reaction: '' }).severity).toBe('mild to moderate');
  });
});
