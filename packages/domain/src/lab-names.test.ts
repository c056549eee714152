import { describe, expect, it } from 'vitest';
import { plainLabName } from './lab-names';

describe('plain-language lab names', () => {
  it('names common tests the way a patient would', () => {
    expect(plainLabName('2345-7')).toBe('Glucose');
    expect(plainLabName('4548-4')).toBe('Hemoglobin A1c');
    expect(plainLabName('33914-3')).toBe('eGFR (kidney function)');
  });
  it('has no name for unknown or missing codes, so the lab’s own name is kept', () => {
    expect(plainLabName('99999-9')).toBeNull();
    expect(plainLabName(null)).toBeNull();
  });
});
