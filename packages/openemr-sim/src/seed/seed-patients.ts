import type { Db, Patient } from '../types';
import type { Rng } from '../util/prng';
import { nameUuid, rng } from '../util/prng';
import { addDays, time, weekdayOnOrAfter } from '../util/time';
import { Chart } from './chart';
import { CBC, CMP, HBA1C, LIPID, TSH } from './lab-catalog';

const FIRST_F = ['Olivia', 'Amara', 'Grace', 'Nadia', 'Priya', 'Hannah', 'Sofia', 'Lena', 'Maya', 'Ruth', 'Elena', 'June'];
const FIRST_M = ['Marcus', 'Tomas', 'Samuel', 'Kenji', 'Omar', 'Daniel', 'Felix', 'Andre', 'Victor', 'Leon', 'Isaac', 'Hugo'];
const LAST = ['Fakename', 'Testerly', 'Samplewood', 'Mockridge', 'Demoulin', 'Placeholt', 'Exampleton', 'Dummond', 'Synthwell',
  'Fictor', 'Stubbins', 'Trialson', 'Pretendo', 'Modelson', 'Draftley'];
const STREETS = ['Oak Street', 'Pine Avenue', 'Cedar Lane', 'Harbor Drive', 'Mission Road', 'Canyon Way'];
const CITIES: [string, string][] = [['San Diego', '92101'], ['Chula Vista', '91910'], ['Escondido', '92025'], ['Oceanside', '92054']];

export function makePatient(pid: number, r: Rng, email?: string): Patient {
  const female = r.chance(0.5);
  const fname = r.pick(female ? FIRST_F : FIRST_M);
  const lname = r.pick(LAST);
  const [city, postal] = r.pick(CITIES);
  const year = r.int(1940, 2004);
  const phone = () => `(619) 555-${String(r.int(1000, 9999))}`;
  return {
    id: 1000 + pid, pid, uuid: nameUuid(`patient:${pid}`), locationUuid: nameUuid(`patient-location:${pid}`), pubpid: String(pid),
    title: female ? 'Ms.' : 'Mr.', fname, mname: '', lname, DOB: `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    sex: female ? 'Female' : 'Male', ss: String(r.int(100000000, 899999999)), street: `${r.int(10, 9999)} ${r.pick(STREETS)}`, city, state: 'CA',
    postal, phoneHome: phone(), phoneBiz: phone(), phoneContact: '', phoneCell: '', email: email ?? `${fname}.${lname}${pid}@example.invalid`.toLowerCase(),
    regDate: `${r.int(2005, 2020)}-0${r.int(1, 9)}-1${r.int(0, 9)} 10:00:00`, providerId: r.pick([7, 8, 9]), status: '', occupation: '', portal: null,
  };
}

const PROFILES = {
  healthy: { problems: [] as [string, string][], meds: [] as [string, string, string][], sick: 0 },
  htn: { problems: [['Essential hypertension', 'ICD10:I10']] as [string, string][], meds: [['Amlodipine 5 MG Oral Tablet', '197361', 'Take 1 tablet by mouth daily']] as [string, string, string][], sick: 0.5 },
  diabetes: { problems: [['Type 2 diabetes mellitus', 'ICD10:E11.9']] as [string, string][], meds: [['Metformin hydrochloride 500 MG Oral Tablet', '860975', 'Take 1 tablet by mouth twice daily with meals']] as [string, string, string][], sick: 0.8 },
  asthma: { problems: [['Asthma, unspecified', 'ICD10:J45.909']] as [string, string][], meds: [['Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', '745679', 'Inhale 2 puffs every 4 hours as needed']] as [string, string, string][], sick: 0 },
};

/** A plausible two-plus-year history: visits twice a year, yearly labs and flu shots, one upcoming visit. */
export function seedGenericChart(db: Db, p: Patient, anchor: string): void {
  const r = rng(`${anchor}:chart:${p.pid}`);
  const c = new Chart(db, p, r);
  const profile = PROFILES[r.pick(['healthy', 'htn', 'diabetes', 'asthma'] as const)];
  for (const [title, dx] of profile.problems) c.list('medical_problem', title, addDays(anchor, -r.int(900, 2000)), { diagnosis: dx });
  if (r.chance(0.3)) c.list('allergy', r.pick(['Penicillin', 'Latex', 'Peanuts', 'Codeine']), addDays(anchor, -r.int(1000, 4000)), { reaction: 'rash' });
  const visits = r.int(4, 6);
  for (let i = visits; i >= 1; i--) {
    const date = weekdayOnOrAfter(addDays(anchor, -i * r.int(150, 190)));
    const start = time(r.int(8, 15), r.pick([0, 15, 30, 45]));
    const e = c.encounter(`${date} ${start}`, r.pick(['Annual physical', 'Follow-up visit', 'Cough and congestion', 'Medication review']), p.providerId);
    c.vitals(e, {
      bps: r.int(110, 128) + Math.round(profile.sick * 20), bpd: r.int(68, 82) + Math.round(profile.sick * 8), weight: r.float(120, 220, 1),
      height: r.float(60, 74, 1), temperature: r.float(97.6, 98.9, 1), tempMethod: 'Oral', pulse: r.int(58, 92), respiration: r.int(12, 18),
      spo2: r.int(95, 100), waist: r.float(28, 42, 1),
    });
    c.appointment(date, start, 15, '>', p.providerId, 9, 'Established Patient', e.reason);
    if (i % 2 === 0) {
      c.labs(CMP, addDays(date, 1), p.providerId, e.eid, profile.sick);
      c.labs(LIPID, addDays(date, 1), p.providerId, e.eid, profile.sick);
      if (profile === PROFILES.diabetes) c.labs(HBA1C, addDays(date, 1), p.providerId, e.eid, profile.sick);
    } else if (r.chance(0.5)) {
      c.labs(r.chance(0.5) ? CBC : TSH, addDays(date, 1), p.providerId, e.eid, 0);
    }
    if (i === 1) for (const [drug, code, sig] of profile.meds) c.rx(drug, code, date, p.providerId, sig, 'Continue as directed', e.eid);
  }
  for (const [drug] of profile.meds) c.list('medication', drug, addDays(anchor, -r.int(400, 900)), { diagnosis: profile.problems[0]?.[1] ?? 'ICD10:Z00.00' });
  for (const y of [2, 1]) c.immunization(addDays(anchor, -y * 365 + r.int(-20, 20)), '150', 'Influenza, injectable, quadrivalent, preservative free', p.providerId, 'Seasonal influenza vaccine');
  if (r.chance(0.7)) c.appointment(weekdayOnOrAfter(addDays(anchor, r.int(3, 90))), time(r.int(8, 15), 0), 15, r.pick(['-', '^', 'AVM']), p.providerId, 9, 'Established Patient', 'Routine follow-up');
}

export function seedGenericPatients(db: Db, anchor: string, pids: number[]): Patient[] {
  return pids.map((pid) => {
    const p = makePatient(pid, rng(`patient:${pid}`));
    db.patients.push(p);
    seedGenericChart(db, p, anchor);
    return p;
  });
}
