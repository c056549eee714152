export interface RouteKnob {
  latencyMs?: number;
  failRate?: number;
  failStatus?: number;
  hang?: boolean;
  leakForeignPatient?: boolean;
}

export interface Knobs {
  defaultLatencyMs?: number;
  fhirPageSize?: number;
  /** OpenEMR 7.0.2 truncates numeric lab values with intval(); true keeps decimals (not OpenEMR behaviour). */
  fhirLabDecimals?: boolean;
  routes?: Record<string, RouteKnob>;
}

export interface Facility {
  id: number; uuid: string; locationUuid: string; name: string; phone: string; fax: string; email: string;
  street: string; city: string; state: string; zip: string; npi: string; color: string;
}

export interface User {
  id: number; uuid: string; username: string; password: string; fname: string | null; mname: string | null;
  lname: string; title: string | null; npi: string | null; specialty: string | null; facilityId: number;
  email: string | null; phone: string | null; active: boolean; authorized: boolean; notes: string | null;
  license: string | null; taxonomy: string;
}

export interface Patient {
  id: number; pid: number; uuid: string; locationUuid: string; pubpid: string; title: string; fname: string;
  mname: string; lname: string; DOB: string; sex: 'Male' | 'Female'; ss: string; street: string; city: string;
  state: string; postal: string; phoneHome: string; phoneBiz: string; phoneContact: string; phoneCell: string;
  email: string; regDate: string; providerId: number; status: string; occupation: string;
  portal: { username: string; password: string } | null;
}

export interface Encounter {
  id: number; eid: number; uuid: string; pid: number; date: string; reason: string; providerId: number;
  facilityId: number; catid: number; catname: string;
}

export interface Vitals {
  id: number; uuid: string; pid: number; eid: number; date: string; bps: number | null; bpd: number | null;
  weight: number | null; height: number | null; temperature: number | null; tempMethod: string;
  pulse: number | null; respiration: number | null; bmi: number | null; spo2: number | null;
  waist: number | null; note: string;
}

export type ListType = 'medical_problem' | 'allergy' | 'medication';

export interface ListItem {
  id: number; uuid: string; pid: number; type: ListType; title: string; begdate: string; enddate: string | null;
  diagnosis: string; date: string; comments: string | null; reaction: string; severity: string | null;
  verification: string; active: boolean;
}

export interface Prescription {
  id: number; uuid: string; pid: number; eid: number | null; providerId: number; drug: string; rxnorm: string;
  dateAdded: string; note: string; instructions: string; interval: number; active: boolean;
}

export interface Immunization {
  id: number; uuid: string; pid: number; date: string; cvx: string; cvxText: string; manufacturer: string;
  lot: string; providerId: number; note: string; expiration: string; createDate: string;
}

export interface Appointment {
  eid: number; uuid: string; pid: number; aid: number; catid: number; title: string; status: string;
  date: string; startTime: string; endTime: string; duration: number; facilityId: number; billingFacilityId: number;
  hometext: string; room: string; time: string;
}

export interface DocumentRow {
  id: number; uuid: string; pid: number; name: string; mimetype: string; docdate: string; date: string;
  category: string; content: () => Promise<Buffer>;
}

export interface LabResult {
  id: number; uuid: string; code: string; text: string; result: string; units: string; range: string;
  abnormal: string; comments: string; status: string;
}

export interface LabOrder {
  id: number; uuid: string; pid: number; eid: number | null; providerId: number; labId: number;
  dateOrdered: string; name: string; code: string;
  report: { id: number; uuid: string; date: string; notes: string | null };
  results: LabResult[];
}

export interface LabOrg { id: number; uuid: string; name: string; npi: string }

export interface Message { mid: number; pid: number; title: string; body: string; from: string; to: string; status: string; date: string }

export interface Db {
  anchorDate: string;
  facilities: Facility[];
  users: User[];
  patients: Patient[];
  encounters: Encounter[];
  vitals: Vitals[];
  lists: ListItem[];
  prescriptions: Prescription[];
  immunizations: Immunization[];
  appointments: Appointment[];
  documents: DocumentRow[];
  labOrders: LabOrder[];
  labOrgs: LabOrg[];
  messages: Message[];
  seq: Record<string, number>;
}

export interface SeedInfo {
  anchorDate: string;
  users: { username: string; password: string; uuid: string }[];
  clientId: string;
  clientSecret: string;
  patients: { pid: number; uuid: string; name: string; email: string; portalUsername?: string; portalPassword?: string }[];
  demo: { pid: number; uuid: string; email: string }[];
}
