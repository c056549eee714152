import type { Db, LabOrder } from '../types';

/** Shape of ProcedureService::search: one order with its reports and raw procedure_result rows. */
export function procedureRecord(o: LabOrder, db: Db): Record<string, unknown> {
  const p = db.patients.find((x) => x.pid === o.pid);
  const u = db.users.find((x) => x.id === o.providerId);
  const lab = db.labOrgs.find((x) => x.id === o.labId);
  const e = o.eid === null ? undefined : db.encounters.find((x) => x.eid === o.eid);
  return {
    name: o.name, uuid: o.uuid, code: o.code, standard_code: `LOINC:${o.code}`, diagnosis: null, activity: '1',
    date_ordered: o.dateOrdered, order_status: 'complete',
    reports: [{
      date: o.report.date, id: String(o.report.id), uuid: o.report.uuid, notes: o.report.notes, status: 'final',
      results: o.results.map((r) => ({
        id: String(r.id), uuid: r.uuid, code: r.code, text: r.text, units: r.units, result: r.result, range: r.range, abnormal: r.abnormal,
        comments: r.comments, document_id: '0', status: r.status,
      })),
    }],
    provider: u ? { id: String(u.id), uuid: u.uuid, fname: u.fname, mname: u.mname, lname: u.lname, npi: u.npi } : null,
    lab: lab ? { id: String(lab.id), uuid: lab.uuid, name: lab.name, npi: lab.npi } : null,
    patient: p ? { pid: String(p.pid), uuid: p.uuid } : null,
    encounter: e ? { id: String(e.eid), uuid: e.uuid, date: e.date } : null,
  };
}
