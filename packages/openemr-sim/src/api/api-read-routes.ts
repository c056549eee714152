import type { FastifyInstance } from 'fastify';
import type { Sim } from '../context';
import { guard } from '../http/auth';
import listOptions from '../data/list-options.json';
import { envelopeList, envelopeOne, rawOr404, uuidNotFound } from './envelope';
import {
  appointmentRecord, encounterRecord, facilityRecord, immunizationRecord, listRecord, medicationListAsPrescription, patientRecord,
  practitionerRecord, prescriptionRecord, userRecord, vitalsRecord,
} from './records';
import { procedureRecord } from './procedure';

const SEARCHABLE = ['fname', 'lname', 'ss', 'street', 'postal_code', 'city', 'state', 'phone_home', 'phone_biz', 'phone_cell', 'sex', 'email', 'DOB'];
const CONTAINS = new Set(['fname', 'lname', 'street', 'city', 'state', 'postal_code']);

export function registerApiReads(app: FastifyInstance, sim: Sim): void {
  const db = sim.db;
  const pre = { preHandler: guard(sim, 'api') };
  const byUuid = (uuid: string) => db.patients.find((p) => p.uuid === uuid);

  app.get('/apis/:site/api/version', async () => ({ v_major: '7', v_minor: '0', v_patch: '2', v_realpatch: '0', v_tag: '', v_database: '498', v_acl: '12' }));
  app.get('/apis/:site/api/product', async () => ({ status: 'UNREGISTERED' }));

  app.get('/apis/:site/api/patient', pre, async (req) => {
    const q = req.query as Record<string, string>;
    let rows = db.patients.map(patientRecord);
    for (const f of SEARCHABLE) {
      const v = q[f];
      if (v === undefined) continue;
      rows = rows.filter((r) => (CONTAINS.has(f) ? String(r[f]).toLowerCase().includes(v.toLowerCase()) : String(r[f]) === v));
    }
    const offset = Number(q._offset ?? 0);
    const limit = Number(q._limit ?? q._maxresults ?? 0);
    rows = limit > 0 ? rows.slice(offset, offset + Math.min(limit, 200)) : rows.slice(offset);
    return envelopeList(req, rows);
  });
  app.get('/apis/:site/api/patient/:puuid', pre, async (req, reply) => {
    const { puuid } = req.params as { puuid: string };
    const p = byUuid(puuid);
    return p ? envelopeOne(patientRecord(p)) : uuidNotFound(reply, 'uuid', puuid);
  });
  app.get('/apis/:site/api/facility', pre, async (req) => envelopeList(req, db.facilities.map(facilityRecord)));
  app.get('/apis/:site/api/practitioner', pre, async (req) => envelopeList(req, db.users.filter((u) => u.npi).map((u) => practitionerRecord(u, db))));
  app.get('/apis/:site/api/user', pre, async (req) => envelopeList(req, db.users.map((u) => userRecord(u, db))));
  app.get('/apis/:site/api/immunization', pre, async (req) => envelopeList(req, db.immunizations.map((i) => immunizationRecord(i, db, sim.tz))));
  app.get('/apis/:site/api/prescription', pre, async (req) => envelopeList(req, [
    ...db.prescriptions.map((rx) => prescriptionRecord(rx, db)),
    ...db.lists.filter((l) => l.type === 'medication').map((l) => medicationListAsPrescription(l, db)),
  ]));
  app.get('/apis/:site/api/list/:listName', pre, async (req, reply) => {
    const { listName } = req.params as { listName: string };
    return rawOr404(reply, (listOptions as Record<string, unknown[]>)[listName]);
  });
  app.get('/apis/:site/api/appointment', pre, async (_req, reply) => rawOr404(reply, db.appointments.map((a) => appointmentRecord(a, db, 'all'))));
  app.get('/apis/:site/api/appointment/:eid', pre, async (req, reply) => {
    const a = db.appointments.find((x) => x.eid === Number((req.params as { eid: string }).eid));
    return rawOr404(reply, a ? [appointmentRecord(a, db, 'one')] : undefined);
  });
  app.get('/apis/:site/api/patient/:pid/appointment', pre, async (req, reply) => {
    const pid = Number((req.params as { pid: string }).pid);
    return rawOr404(reply, db.appointments.filter((a) => a.pid === pid).map((a) => appointmentRecord(a, db, 'patient')));
  });
  app.get('/apis/:site/api/patient/:pid/appointment/:eid', pre, async (req, reply) => {
    // OpenEMR ignores :pid here and reads the event by id alone.
    const a = db.appointments.find((x) => x.eid === Number((req.params as { eid: string }).eid));
    return rawOr404(reply, a ? [appointmentRecord(a, db, 'one')] : undefined);
  });
  app.get('/apis/:site/api/patient/:puuid/encounter', pre, async (req, reply) => {
    const { puuid } = req.params as { puuid: string };
    const p = byUuid(puuid);
    if (!p) return uuidNotFound(reply, 'puuid', puuid);
    const rows = db.encounters.filter((e) => e.pid === p.pid).sort((a, b) => b.date.localeCompare(a.date));
    return envelopeList(req, rows.map((e) => encounterRecord(e, db)));
  });
  app.get('/apis/:site/api/patient/:pid/encounter/:eid/vital', pre, async (req, reply) => {
    const { pid, eid } = req.params as { pid: string; eid: string };
    return rawOr404(reply, db.vitals.filter((v) => v.pid === Number(pid) && v.eid === Number(eid)).map((v) => vitalsRecord(v, db)));
  });
  app.get('/apis/:site/api/patient/:pid/medication', pre, async (req, reply) => {
    const pid = Number((req.params as { pid: string }).pid);
    return rawOr404(reply, db.lists.filter((l) => l.pid === pid && l.type === 'medication').map(listRecord));
  });
  for (const type of ['medical_problem', 'allergy'] as const) {
    app.get(`/apis/:site/api/patient/:puuid/${type}`, pre, async (req, reply) => {
      const { puuid } = req.params as { puuid: string };
      const p = byUuid(puuid);
      if (!p) return uuidNotFound(reply, 'puuid', puuid);
      return envelopeList(req, db.lists.filter((l) => l.pid === p.pid && l.type === type).map((l) => ({ ...listRecord(l), puuid: p.uuid })));
    });
  }
  app.get('/apis/:site/api/procedure', pre, async (req) => envelopeList(req, db.labOrders.map((o) => procedureRecord(o, db))));
  app.get('/apis/:site/api/procedure/:uuid', pre, async (req, reply) => {
    const { uuid } = req.params as { uuid: string };
    const o = db.labOrders.find((x) => x.uuid === uuid);
    return o ? envelopeOne(procedureRecord(o, db)) : uuidNotFound(reply, 'uuid', uuid);
  });
}
