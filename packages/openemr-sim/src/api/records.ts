import type { Appointment, Db, Encounter, Facility, Immunization, Patient, Prescription, User, Vitals, ListItem } from '../types';
import { fhirDate } from '../util/time';

const BLANK = ['financial', 'country_code', 'drivers_license', 'email_direct', 'ethnoracial', 'race', 'ethnicity', 'religion', 'interpretter',
  'migrantseasonal', 'family_size', 'monthly_income', 'homeless', 'genericname1', 'genericval1', 'genericname2', 'genericval2', 'hipaa_mail',
  'hipaa_voice', 'hipaa_notice', 'hipaa_message', 'squad', 'referral_source', 'usertext1', 'usertext2', 'usertext3', 'usertext4', 'usertext5',
  'usertext6', 'usertext7', 'usertext8', 'userlist1', 'userlist2', 'userlist3', 'userlist4', 'userlist5', 'userlist6', 'userlist7', 'vfc',
  'mothersname', 'allow_imm_reg_use', 'allow_imm_info_share', 'allow_health_info_ex', 'deceased_reason', 'cmsportal_login', 'county', 'referrerID'];
const NULLS = ['billing_note', 'ref_providerID', 'regdate', 'contrastart', 'ad_reviewed', 'guardiansname', 'deceased_date', 'soap_import_status',
  'care_team_provider', 'care_team_facility', 'care_team_status', 'industry', 'imm_reg_status', 'imm_reg_stat_effdate', 'publicity_code',
  'publ_code_eff_date', 'protect_indicator', 'prot_indi_effdate', 'guardianrelationship', 'guardiansex', 'guardianaddress', 'guardiancity',
  'guardianstate', 'guardianpostalcode', 'guardiancountry', 'guardianphone', 'guardianworkphone', 'guardianemail', 'sexual_orientation',
  'gender_identity', 'birth_fname', 'birth_lname', 'birth_mname', 'name_history', 'suffix', 'street_line_2', 'patient_groups',
  'prevent_portal_apps', 'provider_since_date', 'created_by', 'updated_by', 'preferred_name', 'nationality_country'];

/** patient_data row as PatientService returns it (numeric columns typed, the rest strings or null). */
export function patientRecord(p: Patient): Record<string, unknown> {
  const r: Record<string, unknown> = {
    id: p.id, uuid: p.uuid, title: p.title, language: 'english', fname: p.fname, lname: p.lname, mname: p.mname, DOB: p.DOB,
    street: p.street, postal_code: p.postal, city: p.city, state: p.state, ss: p.ss, occupation: p.occupation, phone_home: p.phoneHome,
    phone_biz: p.phoneBiz, phone_contact: p.phoneContact, phone_cell: p.phoneCell, pharmacy_id: 0, status: p.status, contact_relationship: '',
    date: p.regDate, sex: p.sex, referrer: '', providerID: p.providerId, email: p.email, financial_review: '2021-01-01 00:00:00',
    pubpid: p.pubpid, pid: p.pid, hipaa_allowsms: 'NO', hipaa_allowemail: 'NO', fitness: 0, pricelevel: 'standard', completed_ad: 'NO',
    allow_patient_portal: p.portal ? 'YES' : '', dupscore: -9,
  };
  for (const k of BLANK) r[k] ??= '';
  for (const k of NULLS) r[k] ??= null;
  r.previous_names = [];
  r.addresses = [{
    id: null, contact_id: null, contact_address_id: null, period_start: p.regDate, period_end: null, type: 'both', use: 'home', priority: 0,
    line1: p.street, line2: '', city: p.city, district: '', state: p.state, postal_code: p.postal, country_code: '',
  }];
  return r;
}

export function facilityRecord(f: Facility): Record<string, unknown> {
  return {
    id: String(f.id), uuid: f.uuid, name: f.name, phone: f.phone, fax: f.fax, street: f.street, city: f.city, state: f.state, postal_code: f.zip,
    country_code: 'US', federal_ein: '00-0000000', website: null, email: f.email, service_location: '1', billing_location: '1',
    accepts_assignment: '1', pos_code: null, x12_sender_id: '', attn: '', domain_identifier: '', facility_npi: f.npi, facility_taxonomy: '',
    tax_id_type: '', color: f.color, primary_business_entity: '0', facility_code: '', extra_validation: '1', mail_street: '', mail_street2: '',
    mail_city: '', mail_state: '', mail_zip: '', oid: '', iban: '', info: '', weno_id: null, inactive: '0',
  };
}

export function practitionerRecord(u: User, db: Db): Record<string, unknown> {
  const f = db.facilities.find((x) => x.id === u.facilityId);
  return {
    id: String(u.id), uuid: u.uuid, username: u.username, password: null, authorized: u.authorized ? '1' : '0', info: null, source: null,
    fname: u.fname, mname: u.mname, lname: u.lname, suffix: null, federaltaxid: '', federaldrugid: '', upin: '', facility: f?.name ?? '',
    facility_id: String(u.facilityId), see_auth: '1', active: u.active ? '1' : '0', npi: u.npi, title: u.title, specialty: u.specialty,
    billname: '', email: u.email, email_direct: '', google_signin_email: null, url: '', assistant: '', organization: '', valedictory: '',
    street: f?.street ?? '', streetb: '', city: f?.city ?? '', state: f?.state ?? '', zip: f?.zip ?? '', street2: null, streetb2: null, city2: null,
    state2: null, zip2: null, phone: u.phone, fax: '', phonew1: '', phonew2: null, phonecell: '', notes: u.notes, cal_ui: '1',
    taxonomy: u.taxonomy, calendar: '1', abook_type: '', default_warehouse: '', irnpool: '', state_license_number: u.license,
    weno_prov_id: null, newcrop_user_role: null, cpoe: null, physician_type: null, main_menu_role: 'standard', patient_menu_role: 'standard',
    portal_user: '0', supervisor_id: '0', billing_facility: null, billing_facility_id: '0', abook_title: null, physician_title: null, physician_code: null,
  };
}

export function userRecord(u: User, db: Db): Record<string, unknown> {
  const f = db.facilities.find((x) => x.id === u.facilityId);
  const isProvider = u.npi !== null;
  const s = (v: string | null) => (isProvider ? (v ?? '') : v);
  return {
    id: String(u.id), uuid: u.uuid, title: u.title, fname: u.fname, lname: u.lname, mname: isProvider ? u.mname : null, federaltaxid: s(null),
    federaldrugid: s(null), upin: s(null), facility_id: String(u.facilityId), facility: isProvider ? f?.name ?? null : null, npi: u.npi,
    email: u.email, active: u.active ? '1' : '0', specialty: u.specialty, billname: s(null), url: s(null), assistant: s(null), organization: s(null),
    valedictory: s(null), street: isProvider ? f?.street ?? '' : null, streetb: s(null), city: isProvider ? f?.city ?? '' : null,
    state: isProvider ? f?.state ?? '' : null, zip: isProvider ? f?.zip ?? '' : null, phone: u.phone, fax: s(null), phonew1: s(null),
    phonecell: s(null), notes: u.notes, state_license_number: u.license, abook_title: null,
  };
}

/** AppointmentService row. Patient-scoped lists type some ids as numbers, the global list keeps strings (recorded). */
export function appointmentRecord(a: Appointment, db: Db, style: 'all' | 'patient' | 'one'): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === a.pid);
  const u = db.users.find((x) => x.id === a.aid);
  const f = db.facilities.find((x) => x.id === a.facilityId);
  const bf = db.facilities.find((x) => x.id === a.billingFacilityId);
  const n = (v: number) => (style === 'all' ? String(v) : v);
  const r: Record<string, unknown> = {
    pc_eid: n(a.eid), pc_uuid: a.uuid, fname: p?.fname ?? null, lname: p?.lname ?? null, DOB: p?.DOB ?? null, pid: n(a.pid), puuid: p?.uuid ?? null,
    pce_aid_uuid: u?.uuid ?? null, pce_aid_npi: u?.npi ?? null, pc_aid: String(a.aid), pc_apptstatus: a.status, pc_eventDate: a.date,
    pc_startTime: a.startTime, pc_endTime: a.endTime,
  };
  if (style === 'one') r.pc_duration = a.duration;
  Object.assign(r, { pc_facility: n(a.facilityId), pc_billing_location: n(a.billingFacilityId), pc_catid: n(a.catid) });
  if (style === 'one') r.pc_room = a.room;
  r.pc_pid = String(a.pid);
  if (style === 'one') r.pc_hometext = a.hometext;
  Object.assign(r, { facility_name: f?.name ?? null, billing_location_name: bf?.name ?? null });
  return r;
}

export function encounterRecord(e: Encounter, db: Db): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === e.pid);
  const f = db.facilities.find((x) => x.id === e.facilityId);
  const u = db.users.find((x) => x.id === e.providerId);
  return {
    eid: e.eid, euuid: e.uuid, date: e.date, reason: e.reason, onset_date: null, sensitivity: 'normal', billing_note: null, pc_catid: e.catid,
    last_level_billed: 0, last_level_closed: 0, last_stmt_date: null, stmt_count: 0, supervisor_id: 0, invoice_refno: '', referral_source: '',
    billing_facility: e.facilityId, external_id: null, pos_code: 11, class_code: 'AMB', class_title: 'ambulatory', pc_catname: e.catname,
    pid: e.pid, puuid: p?.uuid, facility_id: e.facilityId, facility_uuid: f?.uuid, facility_name: f?.name, facility_location_uuid: f?.locationUuid,
    billing_facility_id: e.facilityId, billing_facility_uuid: f?.uuid, billing_facility_name: f?.name, billing_location_uuid: f?.locationUuid,
    provider_id: e.providerId, referring_provider_id: 0, provider_uuid: u?.uuid, provider_username: u?.username, referrer_uuid: null,
    referrer_username: null, discharge_disposition: null, discharge_disposition_text: null,
  };
}

const dec = (v: number | null, d: number) => (v === null ? null : v.toFixed(d));

export function vitalsRecord(v: Vitals, db: Db): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === v.pid);
  const e = db.encounters.find((x) => x.eid === v.eid);
  return {
    pid: v.pid, puuid: p?.uuid, eid: v.eid, euuid: e?.uuid, user_uuid: null, user_npi: null, id: v.id, form_id: v.id, uuid: v.uuid, date: v.date,
    external_id: null, note: v.note, bps: v.bps === null ? null : String(v.bps), bpd: v.bpd === null ? null : String(v.bpd), weight: dec(v.weight, 6),
    height: dec(v.height, 6), temperature: dec(v.temperature, 6), temp_method: v.tempMethod, pulse: dec(v.pulse, 6), respiration: dec(v.respiration, 6),
    BMI: dec(v.bmi, 1), BMI_status: null, waist_circ: dec(v.waist, 6), head_circ: null, oxygen_saturation: dec(v.spo2, 2), oxygen_flow_rate: null,
    ped_weight_height: null, ped_bmi: null, ped_head_circ: null, inhaled_oxygen_concentration: null, weight_unit: 'lb', height_unit: 'in',
    head_circ_unit: 'in', waist_circ_unit: 'in', temperature_unit: 'degF', pulse_unit: '/min', respiration_unit: '/min', BMI_unit: 'kg/m2',
    bps_unit: 'mm[Hg]', bpd_unit: 'mm[Hg]', inhaled_oxygen_concentration_unit: '%', oxygen_saturation_unit: '%', oxygen_flow_rate_unit: 'L/min',
    ped_weight_height_unit: '%', ped_bmi_unit: '%', ped_head_circ_unit: '%',
  };
}

export function listRecord(l: ListItem): Record<string, unknown> {
  return {
    id: l.id, uuid: l.uuid, date: l.date, type: l.type, subtype: '', title: l.title, udi: null, udi_data: null, begdate: `${l.begdate} 00:00:00`,
    enddate: l.enddate, returndate: null, occurrence: 0, classification: 0, referredby: null, extrainfo: null, diagnosis: l.diagnosis,
    activity: l.active ? 1 : 0, comments: l.comments, pid: l.pid, user: null, groupname: null, outcome: 0, destination: null, reinjury_id: 0,
    injury_part: '', injury_type: '', injury_grade: '', reaction: l.reaction, verification: l.verification, external_allergyid: null,
    erx_source: '0', erx_uploaded: '0', modifydate: l.date, severity_al: l.severity, external_id: null, list_option_id: null,
  };
}

export function immunizationRecord(i: Immunization, db: Db, tz: string): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === i.pid);
  const u = db.users.find((x) => x.id === i.providerId);
  return {
    id: String(i.id), uuid: i.uuid, puuid: p?.uuid, administered_date: fhirDate(i.date, tz), cvx_code: i.cvx, cvx_code_text: i.cvxText,
    manufacturer: i.manufacturer, lot_number: i.lot, added_erroneously: '0', administered_by_id: String(i.providerId), administered_by: null,
    education_date: fhirDate(i.date.slice(0, 10), tz), note: i.note, create_date: fhirDate(i.createDate, tz), amount_administered: 0,
    amount_administered_unit: 'mL', expiration_date: fhirDate(i.expiration, tz), route: 'intramuscular', administration_site: 'left_arm',
    site_display: 'Left Arm', site_code: 'LA', completion_status: 'Completed', reason_code: null, refusal_reason: null, refusal_reason_codes: null,
    refusal_reason_cdc_nip_code: null, refusal_reason_description: null, provider_uuid: u?.uuid, provider_npi: u?.npi, provider_username: u?.username,
    primarySource: true,
  };
}

const PER_ORIS = { id: '1', title: 'Per Oris', codes: 'NCI-CONCEPT-ID:C38288' };
const INTERVALS: Record<number, { title: string; codes: string }> = { 1: PER_ORIS, 2: { title: 'Per Rectum', codes: '' } };

export function prescriptionRecord(rx: Prescription, db: Db): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === rx.pid);
  const e = rx.eid === null ? undefined : db.encounters.find((x) => x.eid === rx.eid);
  const u = db.users.find((x) => x.id === rx.providerId);
  const iv = INTERVALS[rx.interval] ?? PER_ORIS;
  return {
    uuid: rx.uuid, source_table: 'prescriptions', drug: rx.drug, active: rx.active ? '1' : '0', intent: 'order', category: 'community',
    intent_title: 'Order', category_title: 'Home/Community', category_text: 'Community', rxnorm_drugcode: rx.rxnorm, date_added: rx.dateAdded,
    unit: '1', interval: String(rx.interval), route: '1', note: rx.note, status: 'active', drug_dosage_instructions: rx.instructions,
    puuid: p?.uuid, euuid: e?.uuid ?? null, pruuid: u?.uuid ?? null, drug_uuid: null, route_id: '1', route_title: PER_ORIS.title,
    route_codes: PER_ORIS.codes, unit_id: '1', unit_title: PER_ORIS.title, unit_codes: PER_ORIS.codes, interval_id: String(rx.interval),
    interval_title: iv.title, interval_codes: iv.codes,
    drugcode: { [rx.rxnorm]: { code: rx.rxnorm, description: rx.drug, code_type: null, system: null } },
  };
}

export function medicationListAsPrescription(l: ListItem, db: Db): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === l.pid);
  const [type, code] = l.diagnosis.includes(':') ? l.diagnosis.split(':') as [string, string] : ['', l.diagnosis];
  const nulls = ['intent', 'category', 'intent_title', 'category_title'];
  const r: Record<string, unknown> = { uuid: l.uuid, source_table: 'lists', drug: l.title, active: '1' };
  for (const k of nulls) r[k] = null;
  Object.assign(r, { category_text: 'Community', rxnorm_drugcode: l.diagnosis, date_added: l.date, unit: null, interval: null, route: null, note: null,
    status: 'active', drug_dosage_instructions: null, puuid: p?.uuid, euuid: null, pruuid: null, drug_uuid: null, route_id: null, route_title: null,
    route_codes: null, unit_id: null, unit_title: null, unit_codes: null, interval_id: null, interval_title: null, interval_codes: null,
    drugcode: { [code]: { code, description: l.title, code_type: type || null, system: type === 'ICD10' ? '2.16.840.1.113883.6.90' : null } } });
  return r;
}
