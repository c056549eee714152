import type { FastifyInstance } from 'fastify';
import type { Sim } from '../context';
import { auth, guard } from '../http/auth';
import { envelopeList, envelopeOne, rawOr404 } from './envelope';
import { appointmentRecord, encounterRecord, patientRecord } from './records';

export function registerPortal(app: FastifyInstance, sim: Sim): void {
  const db = sim.db;
  const pre = { preHandler: guard(sim, 'portal') };
  const me = (uuid: string | undefined) => db.patients.find((p) => p.uuid === uuid);
  app.get('/apis/:site/portal/patient', pre, async (req, reply) => {
    const p = me(auth(req).patientUuid);
    return p ? envelopeOne(patientRecord(p)) : reply.code(404).send('');
  });
  app.get('/apis/:site/portal/patient/encounter', pre, async (req) => {
    const p = me(auth(req).patientUuid);
    const rows = db.encounters.filter((e) => e.pid === p?.pid).sort((a, b) => b.date.localeCompare(a.date));
    return envelopeList(req, rows.map((e) => encounterRecord(e, db)));
  });
  app.get('/apis/:site/portal/patient/appointment', pre, async (req, reply) => {
    const p = me(auth(req).patientUuid);
    return rawOr404(reply, db.appointments.filter((a) => a.pid === p?.pid).map((a) => appointmentRecord(a, db, 'patient')));
  });
}
