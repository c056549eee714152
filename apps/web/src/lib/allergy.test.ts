import { describe, expect, it } from 'vitest';
import { allergySeverityLabel, formatReactions, isSevereAllergy, severeFirst } from './allergy';

describe('allergy severity', () => {
  it('counts severe reactions and high criticality as severe', () => {
    expect(isSevereAllergy({ severity: 'severe', criticality: null })).toBe(true);
    expect(isSevereAllergy({ severity: 'Severe', criticality: null })).toBe(true);
    expect(isSevereAllergy({ severity: 'life_threatening_severity', criticality: null })).toBe(true);
    expect(isSevereAllergy({ severity: 'mild', criticality: 'high' })).toBe(true);
    expect(isSevereAllergy({ severity: 'mild', criticality: 'low' })).toBe(false);
    expect(isSevereAllergy({ severity: null, criticality: null })).toBe(false);
  });

  it('labels severity in words, "Severe" for any severe allergy, null when none is recorded', () => {
    expect(allergySeverityLabel({ severity: 'moderate', criticality: null })).toBe('Moderate');
    expect(allergySeverityLabel({ severity: 'mild_to_moderate', criticality: null })).toBe('Mild to moderate');
    expect(allergySeverityLabel({ severity: null, criticality: 'high' })).toBe('Severe');
    expect(allergySeverityLabel({ severity: '  ', criticality: null })).toBeNull();
  });

  it('writes reactions as one phrase and lists severe allergies first', () => {
    expect(formatReactions(['hives', ' Swelling '])).toBe('Hives, swelling');
    expect(formatReactions(['', ' '])).toBeNull();
    const items = [
      { id: 'a', severity: 'mild', criticality: null },
      { id: 'b', severity: 'severe', criticality: null },
      { id: 'c', severity: null, criticality: null },
    ];
    expect(severeFirst(items).map((i) => i.id)).toEqual(['b', 'a', 'c']);
  });
});
