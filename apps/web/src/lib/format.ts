import { TZDate } from '@date-fns/tz';
import type { AppointmentStatus, ResultFlag, ResultValue, VitalKind } from '@portico/contracts';
import { format, parseISO } from 'date-fns';

export type FlagTone = 'normal' | 'high' | 'low' | 'critical' | 'abnormal';

const FLAG_LABELS: Record<ResultFlag, string> = {
  N: 'Normal',
  H: 'High',
  L: 'Low',
  HH: 'Critical high',
  LL: 'Critical low',
  A: 'Abnormal',
};

export function flagLabel(flag: ResultFlag): string {
  return FLAG_LABELS[flag];
}

export function flagTone(flag: ResultFlag): FlagTone {
  switch (flag) {
    case 'N': return 'normal';
    case 'H': return 'high';
    case 'L': return 'low';
    case 'HH':
    case 'LL': return 'critical';
    case 'A': return 'abnormal';
  }
}

export function isAbnormalFlag(flag: ResultFlag | null): boolean {
  return flag !== null && flag !== 'N';
}

/** The value exactly as the lab wrote it: "<0.01" stays "<0.01", never a rounded number. */
export function formatResultValue(value: ResultValue): string {
  switch (value.kind) {
    case 'quantity': return value.text;
    case 'text': return value.text;
    case 'none': return 'No value';
  }
}

export function resultUnit(value: ResultValue): string | null {
  return value.kind === 'quantity' ? value.unit : null;
}

/** A plain-language sentence about where a result sits against its range. */
export function flagSentence(flag: ResultFlag | null): string | null {
  switch (flag) {
    case null: return null;
    case 'N': return 'Your latest result is within the reference range.';
    case 'H': return 'Your latest result is above the reference range.';
    case 'L': return 'Your latest result is below the reference range.';
    case 'HH': return 'Your latest result is well above the reference range. Your care team may contact you about it.';
    case 'LL': return 'Your latest result is well below the reference range. Your care team may contact you about it.';
    case 'A': return 'Your latest result is marked abnormal.';
  }
}

export function inZone(instant: string, timeZone: string): TZDate {
  return new TZDate(new Date(instant).getTime(), timeZone);
}

/** e.g. "Tue 14 Apr 2026, 9:30 AM" in the given zone. */
export function formatDateTime(instant: string, timeZone: string): string {
  return format(inZone(instant, timeZone), 'EEE d MMM yyyy, h:mm a');
}

/** e.g. "14 Apr 2026" in the given zone. */
export function formatDate(instant: string, timeZone: string): string {
  return format(inZone(instant, timeZone), 'd MMM yyyy');
}

export function formatTime(instant: string, timeZone: string): string {
  return format(inZone(instant, timeZone), 'h:mm a');
}

/** A calendar date (YYYY-MM-DD) has no zone; show it as written. */
export function formatCalendarDate(date: string | null): string {
  if (!date) return 'Unknown';
  return format(parseISO(date), 'd MMM yyyy');
}

/** Short zone name at that instant, e.g. "EDT", "EST" or "GMT+1". */
export function zoneAbbreviation(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(instant));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The patient's own time for an instant, or null when it reads the same as clinic time
 * (same zone, or a different zone name with the same offset at that instant).
 */
export function localTimeIfDifferent(instant: string, clinicTimeZone: string, localTimeZone = browserTimeZone()): string | null {
  const clinic = formatDateTime(instant, clinicTimeZone);
  const local = formatDateTime(instant, localTimeZone);
  if (clinic === local) return null;
  return `${local} ${zoneAbbreviation(instant, localTimeZone)}`;
}

const STATUS_LABELS: Record<AppointmentStatus, string> = {
  proposed: 'Proposed',
  pending: 'Pending',
  booked: 'Booked',
  arrived: 'Arrived',
  'checked-in': 'Checked in',
  fulfilled: 'Completed',
  cancelled: 'Cancelled',
  noshow: 'Missed',
  waitlist: 'Waitlist',
};

export function appointmentStatusLabel(status: AppointmentStatus): string {
  return STATUS_LABELS[status];
}

const VITAL_LABELS: Record<VitalKind, string> = {
  'blood-pressure': 'Blood pressure',
  'heart-rate': 'Heart rate',
  'respiratory-rate': 'Respiratory rate',
  temperature: 'Temperature',
  weight: 'Weight',
  height: 'Height',
  bmi: 'Body mass index (BMI)',
  'oxygen-saturation': 'Oxygen saturation',
};

export function vitalLabel(kind: VitalKind): string {
  return VITAL_LABELS[kind];
}

export function formatVitalValue(value: number, secondary: number | null, unit: string): string {
  const main = secondary === null ? formatNumber(value) : `${formatNumber(value)}/${formatNumber(secondary)}`;
  return unit ? `${main} ${unit}` : main;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}
