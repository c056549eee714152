import type { Db, Patient } from '../types';
import { rng } from '../util/prng';
import { addDays, time } from '../util/time';
import { Chart } from './chart';
import { CMP } from './lab-catalog';

export const FARRAH_PORTAL_PASSWORD = 'frolle-portal-pass';

// Demographics as in OpenEMR's shipped demo data and the recordings, so recorded calls replay.
export const FARRAH: Patient = {
  id: 1, pid: 5, uuid: 'a35fb11a-2531-4527-8e52-cfeea92ac44f', locationUuid: 'a35fb11a-8c0b-4f5e-9a41-3c7a8f1d2e55', pubpid: '10',
  title: 'Ms.', fname: 'Farrah', mname: 'A.', lname: 'Rolle', DOB: '1973-10-11', sex: 'Female', ss: '456789123',
  street: '111 Main Street', city: 'San Luis', state: 'CA', postal: '92101', phoneHome: '(619) 555-2222', phoneBiz: '(619) 555-3333',
  phoneContact: '(619) 555-1111', phoneCell: '', email: 'frolle@pennfirm.com', regDate: '2003-11-17 12:06:00', providerId: 7,
  status: 'married', occupation: '', portal: { username: 'frolle', password: FARRAH_PORTAL_PASSWORD },
};

export const BRENT: Patient = {
  id: 41, pid: 41, uuid: 'a35fb11a-2543-4ed9-8460-d67105af09f4', locationUuid: 'a35fb11a-8c20-4d8e-b0a1-4b4f0a6c7d21', pubpid: '41',
  title: 'Mr.', fname: 'Brent', mname: '', lname: 'Perez', DOB: '1958-05-22', sex: 'Male', ss: '345678912',
  street: '2200 Sample Road', city: 'San Diego', state: 'CA', postal: '92103', phoneHome: '(619) 555-4101', phoneBiz: '(619) 555-4102',
  phoneContact: '', phoneCell: '', email: 'bperez@pennfirm.com', regDate: '2004-02-10 09:15:00', providerId: 7, status: '',
  occupation: '', portal: null,
};

export const EDUARDO: Patient = {
  id: 3, pid: 4, uuid: 'a35fb11a-252d-4aa0-8b07-f5bf664dd271', locationUuid: 'a35fb11a-8c0d-4b0f-bfc3-d260b3f6ea55', pubpid: '789456',
  title: 'Mr.', fname: 'Eduardo', mname: '', lname: 'Perez', DOB: '1957-01-09', sex: 'Male', ss: '234567891',
  street: '789 Third Avenue', city: 'San Diego', state: 'CA', postal: '92101', phoneHome: '(619) 555-4859', phoneBiz: '(619) 555-7821',
  phoneContact: '(619) 555-7823 x251', phoneCell: '', email: 'info@pennfirm.com', regDate: '2004-01-20 15:43:30', providerId: 8,
  status: '', occupation: 'Manager of Transportation', portal: null,
};

const txt = (s: string) => () => Promise.resolve(Buffer.from(s, 'utf8'));

/** Farrah's chart mirrors what was recorded: plain lab values without ranges or flags, two vitals forms. */
export function seedFarrah(db: Db, anchor: string): void {
  const c = new Chart(db, FARRAH, rng(`${anchor}:farrah`));
  const e4 = c.encounter(`${addDays(anchor, -92)} 14:00:00`, 'Seasonal allergy symptoms, cough', 8, 3, { eid: 4, uuid: 'a35fb1d4-ae6c-4221-b88b-61be02b2875c' });
  const e2 = c.encounter(`${addDays(anchor, -13)} 10:00:00`, 'Blood pressure follow-up', 7, 3, { eid: 2, uuid: 'a35fb1ca-918e-4a4e-9130-f7e1aec54dc6' });
  const base = { weight: 158.4, height: 64.5, temperature: 98.4, tempMethod: 'Oral', pulse: 76, respiration: 16, spo2: 98, waist: 32, note: 'Seated, right arm' };
  c.vitals(e2, { ...base, bps: 132, bpd: 84 }, { id: 3, uuid: 'a35fb1d4-89eb-4eaa-ae05-d109f82928f1' });
  c.vitals(e4, { ...base, bps: 128, bpd: 82, weight: 160.2, date: e4.date });
  c.list('medical_problem', 'Essential hypertension', '2020-03-15', { diagnosis: 'ICD10:I10' });
  c.list('medical_problem', 'Seasonal allergic rhinitis', addDays(anchor, -92), { diagnosis: 'ICD10:J30.2' });
  c.list('allergy', 'Penicillin', '2010-01-01', { reaction: 'hives' });
  c.list('allergy', 'Sulfa drugs', '2012-05-01', { reaction: 'rash' });
  c.list('medication', 'Lisinopril 10 mg oral tablet', '2020-03-15', { diagnosis: 'ICD10:I10', date: `${anchor} 16:06:53` });
  c.rx('Lisinopril 10 MG Oral Tablet', '314076', addDays(anchor, -13), 7, 'Take 1 tablet by mouth once daily', 'Take once daily in the morning', e2.eid);
  c.rx('Cetirizine 10 MG Oral Tablet', '1014676', addDays(anchor, -92), 8, 'Take 1 tablet by mouth daily as needed', 'As needed for allergy symptoms', e4.eid);
  c.immunization(addDays(anchor, -63), '150', 'Influenza, injectable, quadrivalent, preservative free', 7, 'Seasonal influenza vaccine, synthetic record');
  c.immunization(addDays(anchor, -400), '115', 'Tdap', 7, 'Tetanus booster, synthetic record');
  const plain: Record<string, [string, string]> = {};
  const order = c.labs(CMP, addDays(anchor, -12), 7, e2.eid, 0, { '33914-3': ['88', ''] });
  // Keep the recording's shape: raw values without range or abnormal flag, one comment.
  for (const res of order.results) { res.range = ''; res.abnormal = ''; plain[res.code] = [res.result, '']; }
  const k = order.results.find((x) => x.code === '2823-3');
  if (k) { k.result = '5.1'; k.comments = 'Repeat in 2 weeks'; }
  c.appointment(addDays(anchor, 12), time(10, 0), 15, '-', 7, 9, 'Established Patient', 'Blood pressure recheck', 3, { eid: 7, uuid: 'a35fb1e5-4413-430f-9f0e-701a30ceaeb0' });
  c.appointment(addDays(anchor, -13), time(10, 0), 15, '>', 7, 9, 'Established Patient', 'Blood pressure follow-up');
  c.appointment(addDays(anchor, -92), time(14, 0), 15, '>', 8, 5, 'Office Visit', 'Allergy symptoms');
  c.document('visit-summary.txt', 'text/plain', addDays(anchor, -13), 'Medical Record', txt('Visit summary (synthetic): blood pressure follow-up.\n'));
  c.document('lab-note.txt', 'text/plain', addDays(anchor, -12), 'Lab Report', txt('Lab note (synthetic): repeat potassium in 2 weeks.\n'));
}

export function seedBrent(db: Db, anchor: string): void {
  const c = new Chart(db, BRENT, rng(`${anchor}:brent`));
  const e = c.encounter(`${addDays(anchor, -49)} 09:30:00`, 'Diabetes follow-up', 7);
  c.vitals(e, { bps: 138, bpd: 86, weight: 201.5, height: 70, temperature: 98.1, tempMethod: 'Oral', pulse: 80, respiration: 16, spo2: 97, waist: 40 });
  c.list('medical_problem', 'Type 2 diabetes mellitus', '2019-06-01', { diagnosis: 'ICD10:E11.9' });
  c.list('medication', 'Metformin 500 mg oral tablet', '2019-06-01', { diagnosis: 'ICD10:E11.9', date: `${anchor} 16:06:53` });
  c.rx('Metformin hydrochloride 500 MG Oral Tablet', '860975', addDays(anchor, -49), 7, 'Take 1 tablet by mouth twice daily with meals', 'Take twice daily with meals', e.eid, 2);
  c.immunization(addDays(anchor, -70), '150', 'Influenza, injectable, quadrivalent, preservative free', 7, 'Seasonal influenza vaccine, synthetic record');
  c.appointment(addDays(anchor, 20), time(9, 30), 15, '-', 7, 9, 'Established Patient', 'Diabetes follow-up');
}
