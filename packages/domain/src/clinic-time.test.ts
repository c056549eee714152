import { describe, expect, it } from 'vitest';
import { fhirDateTimeToInstant, fhirDateTimeToInstantStrict, localDateAndTimeToInstant, toCalendarDate, wallTimeToInstant } from './clinic-time';

const NY = 'America/New_York';

describe('wallTimeToInstant', () => {
  it('standard and daylight time', () => {
    expect(wallTimeToInstant('2026-01-15 09:00:00', NY)).toBe('2026-01-15T14:00:00.000Z');
    expect(wallTimeToInstant('2026-07-15 09:00:00', NY)).toBe('2026-07-15T13:00:00.000Z');
  });
  it('either side of spring-forward (2026-03-08)', () => {
    expect(wallTimeToInstant('2026-03-08 01:30:00', NY)).toBe('2026-03-08T06:30:00.000Z');
    expect(wallTimeToInstant('2026-03-08 03:30:00', NY)).toBe('2026-03-08T07:30:00.000Z');
    expect(wallTimeToInstant('2026-03-09 09:00:00', NY)).toBe('2026-03-09T13:00:00.000Z');
  });
  it('a time in the spring-forward gap moves forward by the gap', () => {
    expect(wallTimeToInstant('2026-03-08 02:30:00', NY)).toBe('2026-03-08T07:30:00.000Z');
  });
  it('fall-back (2026-11-01): the repeated hour resolves to the first (EDT) occurrence', () => {
    expect(wallTimeToInstant('2026-11-01 01:30:00', NY)).toBe('2026-11-01T05:30:00.000Z');
    expect(wallTimeToInstant('2026-11-01 03:00:00', NY)).toBe('2026-11-01T08:00:00.000Z');
    expect(wallTimeToInstant('2026-10-31 09:00:00', NY)).toBe('2026-10-31T13:00:00.000Z');
  });
  it('half-hour zones', () => {
    expect(wallTimeToInstant('2026-05-04 09:00:00', 'Asia/Kolkata')).toBe('2026-05-04T03:30:00.000Z');
    expect(wallTimeToInstant('2026-05-04 09:00:00', 'Australia/Adelaide')).toBe('2026-05-03T23:30:00.000Z');
  });
  it('accepts HH:MM and T separators', () => {
    expect(wallTimeToInstant('2026-07-15T09:00', NY)).toBe('2026-07-15T13:00:00.000Z');
  });
  it('rejects garbage', () => {
    expect(() => wallTimeToInstant('yesterday', NY)).toThrow(RangeError);
  });
});

describe('localDateAndTimeToInstant', () => {
  it('joins pc_eventDate and pc_startTime', () => {
    expect(localDateAndTimeToInstant('2026-12-15', '10:00:00', NY)).toBe('2026-12-15T15:00:00.000Z');
    expect(localDateAndTimeToInstant('2026-06-15', '10:00', NY)).toBe('2026-06-15T14:00:00.000Z');
  });
});

describe('fhirDateTimeToInstant', () => {
  it('ignores the server offset and reads the wall time in the clinic zone (winter and summer)', () => {
    // OpenEMR stamped both with the server's current offset (-05:00, winter) even for a summer date.
    expect(fhirDateTimeToInstant('2026-01-15T09:00:00-05:00', NY)).toBe('2026-01-15T14:00:00.000Z');
    expect(fhirDateTimeToInstant('2026-07-15T09:00:00-05:00', NY)).toBe('2026-07-15T13:00:00.000Z');
    expect(fhirDateTimeToInstant('2026-11-21T08:00:00+00:00', NY)).toBe('2026-11-21T13:00:00.000Z');
    expect(fhirDateTimeToInstant('2026-11-21T08:00:00Z', 'Asia/Kolkata')).toBe('2026-11-21T02:30:00.000Z');
    expect(fhirDateTimeToInstant('2026-11-21T08:00:00.123+0530', 'Asia/Kolkata')).toBe('2026-11-21T02:30:00.000Z');
  });
  it('dates stay dates', () => {
    expect(fhirDateTimeToInstant('1973-10-11', NY)).toBe('1973-10-11');
    expect(fhirDateTimeToInstantStrict('2026-03-08', NY)).toBe('2026-03-08T05:00:00.000Z');
    expect(fhirDateTimeToInstant('2026-05', NY)).toBe('2026-05');
    expect(fhirDateTimeToInstantStrict('2026-05', NY)).toBe('2026-05-01T04:00:00.000Z');
    expect(fhirDateTimeToInstantStrict('2026', 'Asia/Kolkata')).toBe('2025-12-31T18:30:00.000Z');
  });
});

describe('toCalendarDate', () => {
  it('takes the written date, never shifting through UTC', () => {
    expect(toCalendarDate('2020-03-15 00:00:00')).toBe('2020-03-15');
    expect(toCalendarDate('2026-11-20T00:00:00+00:00')).toBe('2026-11-20');
    expect(toCalendarDate('0000-00-00')).toBeNull();
    expect(toCalendarDate(null)).toBeNull();
    expect(toCalendarDate('')).toBeNull();
  });
});
