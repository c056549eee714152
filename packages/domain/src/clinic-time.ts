import { TZDate } from '@date-fns/tz';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * OpenEMR's REST API returns wall-clock times in the clinic's zone with no offset ("2026-05-04 09:00:00").
 * Converts one to a UTC instant (ISO, Z). DST: a time in the spring-forward gap moves forward by the gap (02:30 on
 * a New York spring-forward day is 03:30 EDT); a time repeated at fall-back resolves to the first (daylight) one.
 */
export function wallTimeToInstant(wall: string, timeZone: string): string {
  const m = WALL.exec(wall.trim());
  if (!m) throw new RangeError(`not a local date-time: ${JSON.stringify(wall)}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const local = new TZDate(y, mo - 1, d, h, mi, s || 0, timeZone);
  if (Number.isNaN(local.getTime())) throw new RangeError(`invalid date-time or zone: ${wall} ${timeZone}`);
  return new Date(local.getTime()).toISOString();
}

/** REST appointment style: pc_eventDate "2026-05-04" + pc_startTime "09:00:00" (or "09:00"). */
export function localDateAndTimeToInstant(date: string, time: string, timeZone: string): string {
  return wallTimeToInstant(`${date.trim()} ${time.trim()}`, timeZone);
}

/**
 * OpenEMR's FHIR datetimes carry the server's CURRENT UTC offset whatever the date's own offset was (API-NOTES
 * §5.2), so the offset is a lie about half the year. The wall-clock part is the truth: strip the offset and read it
 * in the clinic's zone. A bare date stays a date.
 */
export function fhirDateTimeToInstant(value: string, timeZone: string): string {
  const v = value.trim();
  if (DATE_ONLY.test(v) || /^\d{4}(-\d{2})?$/.test(v)) return v;
  return wallTimeToInstant(v.replace(OFFSET, ''), timeZone);
}

/** Like fhirDateTimeToInstant, but always an instant: a bare date becomes clinic-local midnight. */
export function fhirDateTimeToInstantStrict(value: string, timeZone: string): string {
  let v = value.trim();
  // FHIR allows partial dates ("2026", "2026-05"); they mean the start of that period.
  if (/^\d{4}$/.test(v)) v = `${v}-01-01`;
  else if (/^\d{4}-\d{2}$/.test(v)) v = `${v}-01`;
  return DATE_ONLY.test(v) ? wallTimeToInstant(`${v} 00:00:00`, timeZone) : fhirDateTimeToInstant(v, timeZone);
}

/**
 * The calendar date of an OpenEMR date or date-time, as written ("2020-03-15 00:00:00" and
 * "2026-11-20T00:00:00+00:00" are both 2020-03-15 / 2026-11-20). Never shifted through UTC, which would move
 * midnight dates to the previous day west of Greenwich.
 */
export function toCalendarDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (!m || m[1] === '0000-00-00') return null;
  return m[1] ?? null;
}
