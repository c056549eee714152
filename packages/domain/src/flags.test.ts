import { describe, expect, it } from 'vitest';
import { deriveFlag, flagFromCode, flagFromInterpretation, interpretResult, isAbnormal, isCritical } from './flags';
import { parseReferenceRange } from './reference-range';
import { parseResultValue } from './result-value';

const flag = (value: string, range: string) => deriveFlag(parseResultValue(value), parseReferenceRange(range));

describe('flagFromCode', () => {
  it.each([
    ['no', 'N'], ['yes', 'A'], ['high', 'H'], ['low', 'L'], ['vhigh', 'HH'], ['vlow', 'LL'],
    ['H', 'H'], ['L', 'L'], ['HH', 'HH'], ['LL', 'LL'], ['A', 'A'], ['N', 'N'], ['AA', 'A'], ['HU', 'HH'], ['LU', 'LL'],
  ])('%s -> %s', (code, expected) => expect(flagFromCode(code)).toBe(expected));
  it.each([[''], [null], [undefined], ['zzz']])('%s -> null', (code) => expect(flagFromCode(code)).toBeNull());
});

describe('flagFromInterpretation', () => {
  it('reads v3 ObservationInterpretation codings', () => {
    expect(flagFromInterpretation([{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' } as { code: string }] }])).toBe('H');
    expect(flagFromInterpretation([])).toBeNull();
    expect(flagFromInterpretation(undefined)).toBeNull();
  });
});

describe('deriveFlag', () => {
  it.each([
    ['94', '70-99', 'N'],
    ['120', '70-99', 'H'],
    ['60', '70-99', 'L'],
    ['99', '70-99', 'N'],
    ['70', '70-99', 'N'],
    ['212', '<200', 'H'],
    ['200', '<200', 'H'],
    ['200', '<=200', 'N'],
    ['55', '>40', 'N'],
    ['40', '>40', 'L'],
    ['40', '>=40', 'N'],
    ['<0.01', '0-0.04', 'N'],
    ['<0.01', '0.00-0.04', 'N'],
    ['>90', '>60', 'N'],
    ['>90', '>=60', 'N'],
    ['<5', '10-20', 'L'],
    ['>300', '10-200', 'H'],
    ['Negative', 'Negative', 'N'],
    ['negative', 'Negative', 'N'],
    ['Neg', 'Negative', 'N'],
    ['Non-reactive', 'Non-reactive', 'N'],
    ['Nonreactive', 'Non-reactive', 'N'],
    ['Positive', 'Negative', 'A'],
    ['1+', 'Negative', 'A'],
    ['Reactive', 'Non-reactive', 'A'],
  ])('%s vs %s -> %s', (value, range, expected) => expect(flag(value, range)).toBe(expected));

  it.each([
    ['<50', '10-20'], // could be anywhere below 50
    ['>15', '10-20'],
    ['94', 'Negative'], // a number cannot be compared with text
    ['Positive', '0-5'],
  ])('uncertain: %s vs %s -> null', (value, range) => expect(flag(value, range)).toBeNull());

  it('no value or no range -> null', () => {
    expect(flag('', '0-5')).toBeNull();
    expect(flag('3', '')).toBeNull();
  });
});

describe('interpretResult', () => {
  it('the recorded flag wins over derivation', () => {
    expect(interpretResult('L', parseResultValue('94'), parseReferenceRange('70-99'))).toEqual({ flag: 'L', abnormal: true, critical: false });
  });
  it('derives when nothing was recorded', () => {
    expect(interpretResult(null, parseResultValue('212'), parseReferenceRange('<200'))).toEqual({ flag: 'H', abnormal: true, critical: false });
    expect(interpretResult(null, parseResultValue('94'), null)).toEqual({ flag: null, abnormal: false, critical: false });
  });
  it('abnormal and critical', () => {
    expect(isAbnormal('N')).toBe(false);
    expect(isAbnormal(null)).toBe(false);
    expect(isAbnormal('A')).toBe(true);
    expect(isCritical('HH')).toBe(true);
    expect(isCritical('LL')).toBe(true);
    expect(isCritical('H')).toBe(false);
  });
});
