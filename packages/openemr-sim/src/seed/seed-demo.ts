import type { Db, Patient } from '../types';
import { nameUuid, rng } from '../util/prng';
import { makePng } from '../util/png';
import { makePdf } from '../util/pdf';
import { addDays, time, weekdayOnOrAfter } from '../util/time';
import { Chart } from './chart';
import { CBC, CMP, CRP, CULTURE, HBA1C, LIPID, TROPONIN, TSH, URINALYSIS } from './lab-catalog';

export const DEMO_PASSWORD = 'portico-demo-pass';

export const DEMO1: Patient = {
  id: 1042, pid: 42, uuid: nameUuid('patient:42'), locationUuid: nameUuid('patient-location:42'), pubpid: '42', title: 'Ms.',
  fname: 'Dana', mname: 'R', lname: 'Demopatient', DOB: '1964-04-18', sex: 'Female', ss: '501234567', street: '42 Harbor Drive',
  city: 'San Diego', state: 'CA', postal: '92101', phoneHome: '(619) 555-4242', phoneBiz: '(619) 555-4243', phoneContact: '',
  phoneCell: '', email: 'patient@demo.portico.test', regDate: '2015-03-02 09:00:00', providerId: 8, status: 'married',
  occupation: 'Teacher', portal: { username: 'demo.patient', password: DEMO_PASSWORD },
};

export const DEMO2: Patient = {
  id: 1043, pid: 43, uuid: nameUuid('patient:43'), locationUuid: nameUuid('patient-location:43'), pubpid: '43', title: 'Mr.',
  fname: 'Sam', mname: '', lname: 'Demoson', DOB: '1991-09-07', sex: 'Male', ss: '502345678', street: '7 Canyon Way',
  city: 'Escondido', state: 'CA', postal: '92025', phoneHome: '(760) 555-0707', phoneBiz: '(760) 555-0708', phoneContact: '',
  phoneCell: '', email: 'patient2@demo.portico.test', regDate: '2021-06-14 11:30:00', providerId: 9, status: 'single',
  occupation: 'Engineer', portal: { username: 'demo.patient2', password: DEMO_PASSWORD },
};

const pdf = (title: string, lines: string[], date: string) => () => makePdf(title, lines, date);

/** Rich chart: diabetes, hypertension and hyperlipidemia followed quarterly for four years. */
export function seedDemo1(db: Db, anchor: string): void {
  const c = new Chart(db, DEMO1, rng(`${anchor}:demo1`));
  c.list('medical_problem', 'Type 2 diabetes mellitus without complications', '2017-02-10', { diagnosis: 'ICD10:E11.9' });
  c.list('medical_problem', 'Essential hypertension', '2016-08-22', { diagnosis: 'ICD10:I10' });
  c.list('medical_problem', 'Hyperlipidemia, unspecified', '2018-01-15', { diagnosis: 'ICD10:E78.5' });
  c.list('allergy', 'Penicillin', '1990-01-01', { reaction: 'hives', severity: 'moderate' });
  c.list('allergy', 'Sulfonamide antibiotics', '2005-06-01', { reaction: 'rash', severity: 'mild' });
  for (const [title, dx] of [['Metformin 1000 mg oral tablet', 'ICD10:E11.9'], ['Lisinopril 20 mg oral tablet', 'ICD10:I10'], ['Atorvastatin 40 mg oral tablet', 'ICD10:E78.5']] as const) {
    c.list('medication', title, '2019-01-01', { diagnosis: dx });
  }
  const quarters = 16;
  let lastEid = 0;
  for (let q = quarters; q >= 1; q--) {
    const date = weekdayOnOrAfter(addDays(anchor, -q * 91));
    const start = time(9 + (q % 6), q % 2 ? 30 : 0);
    const e = c.encounter(`${date} ${start}`, q % 4 === 0 ? 'Annual physical' : 'Diabetes and blood pressure follow-up', 8);
    lastEid = e.eid;
    const trend = (quarters - q) / quarters;
    c.vitals(e, {
      bps: 148 - Math.round(trend * 18) + c.r.int(-4, 4), bpd: 92 - Math.round(trend * 10) + c.r.int(-3, 3), weight: Number((192 - trend * 14 + c.r.float(-2, 2, 1)).toFixed(1)),
      height: 65, temperature: c.r.float(97.8, 98.8, 1), tempMethod: 'Oral', pulse: c.r.int(66, 84), respiration: c.r.int(14, 18),
      bmi: Number(((192 - trend * 14) * 703 / (65 * 65)).toFixed(1)), spo2: c.r.int(96, 99), waist: 38, note: 'Seated, left arm',
    });
    c.appointment(date, start, 30, '>', 8, 9, 'Established Patient', e.reason);
    const sick = 1 - trend;
    c.labs(HBA1C, addDays(date, -3), 8, e.eid, sick);
    if (q % 2 === 0) c.labs(CMP, addDays(date, -3), 8, e.eid, sick * 0.6);
    if (q % 4 === 0) {
      c.labs(LIPID, addDays(date, -3), 8, e.eid, sick);
      c.labs(CBC, addDays(date, -3), 8, e.eid, 0);
      c.labs(TSH, addDays(date, -3), 8, e.eid, 0);
      c.labs(URINALYSIS, addDays(date, -3), 8, e.eid, sick);
    }
  }
  // One-off results that exercise every flag and value form the portal must render.
  const ed = c.encounter(`${addDays(anchor, -200)} 22:15:00`, 'Chest discomfort, evaluated', 7);
  c.labs(TROPONIN, addDays(anchor, -200), 7, ed.eid, 0);
  c.labs(CMP, addDays(anchor, -200), 7, ed.eid, 0, { '2345-7': ['48', 'vlow'], '2823-3': ['3.2', 'low'] });
  c.labs(CMP, addDays(anchor, -420), 8, null, 0, { '2345-7': ['320', 'vhigh'], '33914-3': ['>90', 'no'] });
  c.labs(URINALYSIS, addDays(anchor, -420), 8, null, 0, { '5792-7': ['Trace', 'yes'], '2887-8': ['Negative', 'no'] });
  const latestA1c = addDays(anchor, -30);
  c.labs(HBA1C, latestA1c, 8, null, 0, { '4548-4': ['7.4', 'high'] });
  c.labs(CRP, addDays(anchor, -200), 7, ed.eid, 0);
  c.labs(CULTURE, addDays(anchor, -420), 8, null, 0);
  c.rx('Metformin hydrochloride 1000 MG Oral Tablet', '861004', addDays(anchor, -91), 8, 'Take 1 tablet by mouth twice daily with meals', 'Diabetes', lastEid, 2);
  c.rx('Lisinopril 20 MG Oral Tablet', '314077', addDays(anchor, -91), 8, 'Take 1 tablet by mouth once daily', 'Blood pressure', lastEid);
  c.rx('Atorvastatin 40 MG Oral Tablet', '617311', addDays(anchor, -91), 8, 'Take 1 tablet by mouth at bedtime', 'Cholesterol', lastEid);
  for (let y = 4; y >= 1; y--) c.immunization(addDays(anchor, -y * 365 + 20), '150', 'Influenza, injectable, quadrivalent, preservative free', 8, 'Seasonal influenza vaccine');
  c.immunization(addDays(anchor, -700), '115', 'Tdap', 8, 'Tetanus, diphtheria, pertussis booster');
  c.immunization(addDays(anchor, -500), '215', 'Pneumococcal conjugate PCV 15', 8, 'Pneumococcal vaccine');
  c.immunization(addDays(anchor, -300), '309', 'SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent', 8, 'COVID-19 vaccine');
  c.appointment(weekdayOnOrAfter(addDays(anchor, -60)), time(11, 0), 30, '?', 8, 9, 'Established Patient', 'Missed visit');
  c.appointment(weekdayOnOrAfter(addDays(anchor, -45)), time(14, 0), 30, 'x', 8, 9, 'Established Patient', 'Cancelled by patient');
  c.appointment(weekdayOnOrAfter(addDays(anchor, 7)), time(9, 30), 30, 'AVM', 8, 9, 'Established Patient', 'Quarterly diabetes check');
  c.appointment(weekdayOnOrAfter(addDays(anchor, 35)), time(13, 0), 15, '^', 7, 5, 'Office Visit', 'Eye exam referral discussion', 4);
  c.appointment(weekdayOnOrAfter(addDays(anchor, 98)), time(10, 0), 30, '-', 8, 9, 'Established Patient', 'Quarterly diabetes check');
  // The report says what the results page shows for the same draw.
  const d1 = latestA1c;
  c.document('lab-report-hba1c.pdf', 'application/pdf', d1, 'Lab Report', pdf('Laboratory report', ['Patient: Dana Demopatient', `Collected: ${d1}`, 'Hemoglobin A1c: 7.4 % (H)', 'Reference: 4.0-5.6 %'], d1));
  const d2 = addDays(anchor, -91);
  c.document('visit-summary.pdf', 'application/pdf', d2, 'Medical Record', pdf('After-visit summary', ['Diabetes and blood pressure follow-up.', 'Continue metformin, lisinopril and atorvastatin.', 'Return in 3 months.'], d2));
  c.document('foot-photo.png', 'image/png', addDays(anchor, -180), 'Medical Record', () => Promise.resolve(makePng(64, 48, 42)));
  c.document('diet-plan.txt', 'text/plain', addDays(anchor, -365), 'Patient Information', () => Promise.resolve(Buffer.from('Carbohydrate-counting plan (synthetic).\n')));
}

/** Smaller chart: a young adult with asthma, seen a handful of times. */
export function seedDemo2(db: Db, anchor: string): void {
  const c = new Chart(db, DEMO2, rng(`${anchor}:demo2`));
  c.list('medical_problem', 'Mild intermittent asthma', '2012-05-01', { diagnosis: 'ICD10:J45.20' });
  c.list('allergy', 'Peanuts', '1995-01-01', { reaction: 'anaphylaxis', severity: 'severe' });
  c.list('medication', 'Albuterol 90 mcg/actuation inhaler', '2021-06-14', { diagnosis: 'ICD10:J45.20' });
  let lastEid = 0;
  for (const back of [700, 420, 150]) {
    const date = weekdayOnOrAfter(addDays(anchor, -back));
    const e = c.encounter(`${date} 16:00:00`, back === 150 ? 'Wheezing after a cold' : 'Annual physical', 9, 4);
    c.vitals(e, { bps: c.r.int(112, 124), bpd: c.r.int(70, 80), weight: c.r.float(168, 175, 1), height: 71, temperature: 98.2, tempMethod: 'Oral', pulse: c.r.int(60, 72), respiration: 14, spo2: 98, bmi: 23.9 });
    lastEid = e.eid;
    c.appointment(date, '16:00:00', 30, '>', 9, 9, 'Established Patient', e.reason, 4);
    if (back !== 150) { c.labs(CBC, addDays(date, 1), 9, e.eid, 0); c.labs(TSH, addDays(date, 1), 9, e.eid, 0); }
  }
  c.rx('Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', '745679', addDays(anchor, -150), 9, 'Inhale 2 puffs every 4 hours as needed', 'Rescue inhaler', lastEid);
  c.immunization(addDays(anchor, -150), '150', 'Influenza, injectable, quadrivalent, preservative free', 9, 'Seasonal influenza vaccine');
  c.appointment(weekdayOnOrAfter(addDays(anchor, 21)), time(16, 0), 30, '-', 9, 9, 'Established Patient', 'Asthma review', 4);
  const d = addDays(anchor, -150);
  c.document('asthma-action-plan.pdf', 'application/pdf', d, 'Patient Information', pdf('Asthma action plan', ['Green zone: use controller as prescribed.', 'Yellow zone: albuterol 2 puffs.', 'Red zone: call 911.'], d));
}
