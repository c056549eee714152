import type { Appointment, AppointmentStatus } from '@portico/contracts';
import { localDateAndTimeToInstant } from '@portico/domain';
import { nonEmpty, str } from './util';

/** pc_apptstatus -> status, as OpenEMR's own FHIR Appointment maps it (API-NOTES §5.3). */
export function appointmentStatus(code: string | null | undefined): AppointmentStatus {
  switch ((code ?? '').trim()) {
    case '-': return 'proposed';
    case '#': case '^': return 'pending';
    case '>': case '$': return 'fulfilled';
    case 'AVM': case 'SMS': case 'EMAIL': case '*': return 'booked';
    case '%': case '!': case 'x': return 'cancelled';
    case '?': return 'noshow';
    case '~': case '@': return 'arrived';
    case '<': case '+': return 'checked-in';
    case 'CALL': return 'waitlist';
    default: return 'pending';
  }
}

/** The visit categories a new OpenEMR site ships with (openemr_postcalendar_categories); clinics may rename them. */
export const DEFAULT_APPOINTMENT_CATEGORIES: Record<string, string> = {
  '5': 'Office Visit',
  '9': 'Established Patient',
  '10': 'New Patient',
  '12': 'Health and Behavioral Assessment',
  '13': 'Preventive Care Services',
  '14': 'Ophthalmological Services',
  '15': 'Group Therapy',
};

/** Whose appointment a REST record says it is: puuid when present, else the pid columns. */
export function appointmentOwner(rec: Record<string, unknown>): { uuid: string | null; pid: string | null } {
  return { uuid: nonEmpty(rec.puuid), pid: nonEmpty(rec.pid) ?? nonEmpty(rec.pc_pid) };
}

/**
 * GET /api/patient/:pid/appointment record -> Appointment. Times are clinic-local wall times. OpenEMR 7.0.2 lists
 * pc_endTime as "00:00:00" and omits pc_duration, so an end that is not after the start is treated as unknown.
 */
export function appointmentFromRest(rec: Record<string, unknown>, timeZone: string, categories: Record<string, string> = DEFAULT_APPOINTMENT_CATEGORIES): Appointment | null {
  const id = str(rec.pc_eid) ?? str(rec.pc_uuid);
  const date = nonEmpty(rec.pc_eventDate);
  const startTime = nonEmpty(rec.pc_startTime);
  if (!id || !date || !startTime) return null;
  const start = localDateAndTimeToInstant(date, startTime, timeZone);
  const endTime = nonEmpty(rec.pc_endTime);
  const duration = Number(str(rec.pc_duration) ?? NaN);
  let end: string | null = null;
  if (endTime && normTime(endTime) > normTime(startTime)) end = localDateAndTimeToInstant(date, endTime, timeZone);
  else if (Number.isFinite(duration) && duration > 0) end = new Date(Date.parse(start) + duration * 1000).toISOString();
  const provider = [nonEmpty(rec.pce_aid_fname), nonEmpty(rec.pce_aid_lname)].filter(Boolean).join(' ');
  return {
    id,
    start,
    end,
    status: appointmentStatus(str(rec.pc_apptstatus)),
    type: nonEmpty(rec.pc_title) ?? nonEmpty(rec.pc_catname) ?? categories[str(rec.pc_catid) ?? ''] ?? null,
    provider: provider || null,
    location: nonEmpty(rec.facility_name),
    comment: nonEmpty(rec.pc_hometext),
  };
}

const normTime = (t: string) => (t.length === 5 ? `${t}:00` : t);
