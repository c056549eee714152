import { describe, expect, it } from 'vitest';
import { displayUnit } from './units';

describe('displayUnit', () => {
  it.each([
    ['[lb_av]', 'lb'], ['lb_av', 'lb'], ['[in_i]', 'in'], ['in_i', 'in'], ['[degF]', '°F'], ['degF', '°F'], ['Cel', '°C'],
    ['10*3/uL', '×10³/µL'], ['mm[Hg]', 'mmHg'], ['/min', '/min'], ['%', '%'], ['kg/m2', 'kg/m²'],
    ['mL/min/{1.73_m2}', 'mL/min/1.73 m²'], ['mg/dL', 'mg/dL'], ['mmol/L', 'mmol/L'], ['ug/mL', 'µg/mL'],
  ])('%s -> %s', (ucum, expected) => expect(displayUnit(ucum)).toBe(expected));
  it('absent', () => {
    expect(displayUnit('')).toBeNull();
    expect(displayUnit(null)).toBeNull();
    expect(displayUnit(undefined)).toBeNull();
  });
});
