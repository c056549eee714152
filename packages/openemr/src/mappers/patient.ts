import type { Patient } from '@medplum/fhirtypes';
import type { PatientSummary } from '@portico/contracts';
import { toCalendarDate } from '@portico/domain';
import { OpenEmrProtocolError } from '../errors';
import { nonEmpty, str } from './util';

export type RestPatient = Record<string, unknown>;

/** GET /api/patient[/:puuid] record -> PatientSummary (+ email). Ids arrive as numbers or strings. */
export function patientFromRest(rec: RestPatient): PatientSummary & { email: string | null } {
  const uuid = str(rec.uuid);
  const pid = str(rec.pid);
  if (!uuid || !pid) throw new OpenEmrProtocolError('patient record without uuid or pid', 'GET api/patient');
  return {
    uuid,
    pid,
    givenName: nonEmpty(rec.fname) ?? '',
    familyName: nonEmpty(rec.lname) ?? '',
    birthDate: toCalendarDate(str(rec.DOB)),
    email: nonEmpty(rec.email),
  };
}

export function patientFromFhir(p: Patient, pid: string): PatientSummary {
  const name = p.name?.find((n) => n.use === 'official') ?? p.name?.[0];
  return {
    uuid: p.id ?? '',
    pid,
    // OpenEMR puts the middle name as a second `given`; the portal greets by first name.
    givenName: name?.given?.[0] ?? '',
    familyName: name?.family ?? '',
    birthDate: toCalendarDate(p.birthDate),
  };
}
