import { describe, expect, it } from 'vitest';
import { parseResultValue } from './result-value';

describe('parseResultValue', () => {
  it.each([
    ['94', 94, null],
    ['6.1', 6.1, null],
    ['<0.01', 0.01, '<'],
    ['>90', 90, '>'],
    ['<= 5', 5, '<='],
    ['>=60', 60, '>='],
    ['1,200', 1200, null],
    ['-2.5', -2.5, null],
  ])('%s is a quantity shown as written', (raw, numeric, comparator) => {
    expect(parseResultValue(raw, 'mg/dL')).toEqual({ kind: 'quantity', numeric, comparator, text: raw, unit: 'mg/dL' });
  });

  it('never turns a censored value into 0', () => {
    const v = parseResultValue('<0.01');
    expect(v.kind === 'quantity' && v.numeric).toBe(0.01);
    expect(v.kind === 'quantity' && v.text).toBe('<0.01');
  });

  it.each([['Positive'], ['1+'], ['Non-reactive'], ['See note'], ['5 mg']])('%s is text', (raw) => {
    expect(parseResultValue(raw)).toEqual({ kind: 'text', text: raw });
  });

  it.each([[''], ['  '], [null], [undefined]])('%s is none', (raw) => {
    expect(parseResultValue(raw)).toEqual({ kind: 'none' });
  });

  it('accepts numbers', () => {
    expect(parseResultValue(5, 'mmol/L')).toEqual({ kind: 'quantity', numeric: 5, comparator: null, text: '5', unit: 'mmol/L' });
  });
});
