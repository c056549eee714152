import { describe, expect, it } from 'vitest';
import { parseReferenceRange, referenceRangeFromFhir } from './reference-range';

describe('parseReferenceRange', () => {
  it.each([
    ['3.5-5.1', 3.5, 5.1],
    ['3.5 - 5.1', 3.5, 5.1],
    ['0-5', 0, 5],
    ['<200', null, 200],
    ['<=200', null, 200],
    ['> 60', 60, null],
    ['>=60', 60, null],
    ['0.00-0.04', 0, 0.04],
    ['70 to 99', 70, 99],
  ])('%s', (raw, low, high) => {
    expect(parseReferenceRange(raw, 'mg/dL')).toEqual({ low, high, text: raw, unit: 'mg/dL' });
  });

  it('keeps text ranges as text', () => {
    expect(parseReferenceRange('Negative')).toEqual({ low: null, high: null, text: 'Negative', unit: null });
    expect(parseReferenceRange('Non-reactive')).toEqual({ low: null, high: null, text: 'Non-reactive', unit: null });
  });

  it('reads a unit written inside the range', () => {
    expect(parseReferenceRange('3.5-5.1 mmol/L')).toEqual({ low: 3.5, high: 5.1, text: '3.5-5.1 mmol/L', unit: 'mmol/L' });
  });

  it.each([[''], ['   '], [null], [undefined]])('absent: %s', (raw) => {
    expect(parseReferenceRange(raw)).toBeNull();
  });
});

describe('referenceRangeFromFhir', () => {
  it('low and high', () => {
    expect(referenceRangeFromFhir({ low: { value: 3.5, unit: 'mmol/L' }, high: { value: 5.1, unit: 'mmol/L' } }))
      .toEqual({ low: 3.5, high: 5.1, text: '3.5-5.1', unit: 'mmol/L' });
  });
  it('one-sided', () => {
    expect(referenceRangeFromFhir({ high: { value: 200 } })).toEqual({ low: null, high: 200, text: '<=200', unit: null });
  });
  it('text only', () => {
    expect(referenceRangeFromFhir({ text: 'Negative' })).toEqual({ low: null, high: null, text: 'Negative', unit: null });
  });
  it('empty', () => {
    expect(referenceRangeFromFhir({})).toBeNull();
    expect(referenceRangeFromFhir(undefined)).toBeNull();
  });
});
