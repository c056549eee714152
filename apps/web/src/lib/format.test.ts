// @vitest-environment jsdom
import type { ResultValue } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import {
  flagLabel, flagSentence, formatCalendarDate, formatDateTime, formatResultValue, formatVitalValue,
  localTimeIfDifferent, zoneAbbreviation,
} from './format';

describe('result values', () => {
  it('shows a comparator value exactly as written, never as a number', () => {
    const v: ResultValue = { kind: 'quantity', numeric: 0.01, comparator: '<', text: '<0.01', unit: 'ng/mL' };
    expect(formatResultValue(v)).toBe('<0.01');
  });
  it('keeps trailing zeros the lab wrote', () => {
    expect(formatResultValue({ kind: 'quantity', numeric: 5.1, comparator: null, text: '5.10', unit: 'mmol/L' })).toBe('5.10');
  });
  it('shows text results and says when there is no value', () => {
    expect(formatResultValue({ kind: 'text', text: 'Negative' })).toBe('Negative');
    expect(formatResultValue({ kind: 'none' })).toBe('No value');
  });
});

describe('flags', () => {
  it('labels every flag in words', () => {
    expect(['N', 'H', 'L', 'HH', 'LL', 'A'].map((f) => flagLabel(f as never))).toEqual([
      'Normal', 'High', 'Low', 'Critical high', 'Critical low', 'Abnormal',
    ]);
  });
  it('explains the latest result in plain language', () => {
    expect(flagSentence('H')).toBe('Your latest result is above the reference range.');
    expect(flagSentence('L')).toBe('Your latest result is below the reference range.');
    expect(flagSentence(null)).toBeNull();
  });
});

describe('clinic time', () => {
  it('formats an instant in the clinic zone, not the runtime zone', () => {
    expect(formatDateTime('2026-01-15T14:30:00Z', 'America/New_York')).toBe('Thu 15 Jan 2026, 9:30 AM');
  });
  it('follows DST: the same UTC hour reads an hour later in summer', () => {
    expect(formatDateTime('2026-07-15T14:30:00Z', 'America/New_York')).toBe('Wed 15 Jul 2026, 10:30 AM');
    expect(zoneAbbreviation('2026-07-15T14:30:00Z', 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation('2026-01-15T14:30:00Z', 'America/New_York')).toBe('EST');
  });
  it('handles the spring-forward night (2:30 AM does not exist on 8 Mar 2026 in New York)', () => {
    expect(formatDateTime('2026-03-08T06:59:00Z', 'America/New_York')).toBe('Sun 8 Mar 2026, 1:59 AM');
    expect(formatDateTime('2026-03-08T07:00:00Z', 'America/New_York')).toBe('Sun 8 Mar 2026, 3:00 AM');
  });
  it('handles the fall-back night (1:30 AM happens twice)', () => {
    expect(formatDateTime('2026-11-01T05:30:00Z', 'America/New_York')).toBe('Sun 1 Nov 2026, 1:30 AM');
    expect(formatDateTime('2026-11-01T06:30:00Z', 'America/New_York')).toBe('Sun 1 Nov 2026, 1:30 AM');
    expect(zoneAbbreviation('2026-11-01T06:30:00Z', 'America/New_York')).toBe('EST');
  });
  it('handles half-hour offsets', () => {
    expect(formatDateTime('2026-01-15T14:30:00Z', 'Asia/Kolkata')).toBe('Thu 15 Jan 2026, 8:00 PM');
  });
  it('shows the patient their own time only when it reads differently', () => {
    expect(localTimeIfDifferent('2026-07-15T14:30:00Z', 'America/New_York', 'America/New_York')).toBeNull();
    // Detroit and New York share an offset: nothing extra to show.
    expect(localTimeIfDifferent('2026-07-15T14:30:00Z', 'America/New_York', 'America/Detroit')).toBeNull();
    expect(localTimeIfDifferent('2026-07-15T14:30:00Z', 'America/New_York', 'America/Los_Angeles')).toBe('Wed 15 Jul 2026, 7:30 AM PDT');
  });
  it('shows calendar dates as written whatever the runtime zone', () => {
    expect(formatCalendarDate('2024-03-01')).toBe('1 Mar 2024');
    expect(formatCalendarDate(null)).toBe('Unknown');
  });
});

describe('vitals', () => {
  it('writes blood pressure as systolic/diastolic', () => {
    expect(formatVitalValue(128, 82, 'mmHg')).toBe('128/82 mmHg');
    expect(formatVitalValue(36.75, null, 'Cel')).toBe('36.8 Cel');
  });
});
