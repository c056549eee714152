import type { FastifyInstance } from 'fastify';
import type { Sim } from '../context';
import { guard } from '../http/auth';
import { nextId } from '../seed/chart';
import { nameUuid } from '../util/prng';
import { addMinutes, nowLocal } from '../util/time';
import { envelopeOne, rawOr404, requiredMsg, tooShortMsg } from './envelope';
import { parseMultipart } from './multipart';

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v));
const catPath = (name: string) => name.toLowerCase().replace(/ /g, '_');

export function registerApiWrites(app: FastifyInstance, sim: Sim): void {
  const db = sim.db;
  const pre = { preHandler: guard(sim, 'api') };

  app.post('/apis/:site/api/patient', pre, async (req, reply) => {
    const b = (req.body ?? {}) as Body;
    const errs: Record<string, unknown> = {};
    const fname = str(b.fname);
    const lname = str(b.lname);
    if (fname === undefined) errs.fname = requiredMsg('fname'); else if (fname.length < 1) errs.fname = tooShortMsg('First Name', 1);
    if (fname !== undefined && fname.length < 2) errs.fname = tooShortMsg('First Name', 2);
    if (lname === undefined) errs.lname = requiredMsg('lname'); else if (lname.length < 2) errs.lname = tooShortMsg('Last Name', 2);
    if (str(b.sex) === undefined) errs.sex = requiredMsg('sex');
    const dob = str(b.DOB);
    if (dob === undefined) errs.DOB = requiredMsg('DOB');
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(dob) || Number.isNaN(Date.parse(dob))) errs.DOB = { 'DateTime::INVALID_VALUE': 'Date of Birth must be a valid date' };
    const email = str(b.email);
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errs.email = { 'Email::INVALID_VALUE': 'Email must be a valid email address' };
    if (Object.keys(errs).length) return reply.code(400).send({ validationErrors: errs, internalErrors: [], data: [], links: [] });
    const pid = nextId(db, 'patient');
    const uuid = nameUuid(`created-patient:${pid}:${Date.now()}`);
    db.patients.push({
      id: 2000 + pid, pid, uuid, locationUuid: nameUuid(`created-location:${uuid}`), pubpid: String(pid), title: str(b.title) ?? '', fname: fname ?? '',
      mname: str(b.mname) ?? '', lname: lname ?? '', DOB: dob ?? '', sex: str(b.sex) === 'Male' ? 'Male' : 'Female', ss: str(b.ss) ?? '',
      street: str(b.street) ?? '', city: str(b.city) ?? '', state: str(b.state) ?? '', postal: str(b.postal_code) ?? '', phoneHome: str(b.phone_home) ?? '',
      phoneBiz: str(b.phone_biz) ?? '', phoneContact: str(b.phone_contact) ?? '', phoneCell: str(b.phone_cell) ?? '', email: email ?? '',
      regDate: nowLocal(sim.tz), providerId: 0, status: '', occupation: '', portal: null,
    });
    return reply.code(201).send(envelopeOne({ pid, uuid }));
  });

  app.post('/apis/:site/api/patient/:pid/appointment', pre, async (req, reply) => {
    const pid = Number((req.params as { pid: string }).pid);
    const b = (req.body ?? {}) as Body;
    const errs: Record<string, unknown> = {};
    const need = ['pc_catid', 'pc_title', 'pc_duration', 'pc_hometext', 'pc_apptstatus', 'pc_eventDate', 'pc_startTime', 'pc_facility', 'pc_billing_location'];
    for (const k of need) if (b[k] === undefined) errs[k] = requiredMsg(k);
    const title = str(b.pc_title);
    if (title !== undefined && title.length < 2) errs.pc_title = tooShortMsg('pc title', 2);
    const start = str(b.pc_startTime);
    // OpenEMR's validator wants exactly HH:MM; "09:00:00" is rejected.
    if (start !== undefined && start.length !== 5) errs.pc_startTime = { 'Length::TOO_LONG': 'pc startTime must be 5 characters long' };
    const date = str(b.pc_eventDate);
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) errs.pc_eventDate = { 'DateTime::INVALID_VALUE': 'pc eventDate must be a valid date' };
    for (const k of ['pc_catid', 'pc_duration', 'pc_facility', 'pc_billing_location']) {
      if (b[k] !== undefined && !/^\d+$/.test(String(b[k]))) errs[k] = { 'Digits::NOT_DIGITS': `${k.replace('_', ' ')} must only consist of digits` };
    }
    if (b.pc_aid !== undefined && !db.users.some((u) => u.id === Number(b.pc_aid))) errs.pc_aid = { 'Callback::INVALID_VALUE': 'pc aid must be a valid user' };
    if (Object.keys(errs).length) return reply.code(400).send(errs);
    const eid = nextId(db, 'appt', 100);
    const minutes = Math.round(Number(b.pc_duration) / 60);
    db.appointments.push({
      eid, uuid: nameUuid(`created-appt:${eid}:${Date.now()}`), pid, aid: Number(b.pc_aid ?? 0),
      catid: Number(b.pc_catid), title: title ?? '', status: str(b.pc_apptstatus) ?? '-', date: date ?? '', startTime: `${start}:00`,
      endTime: addMinutes(`${start}:00`, minutes), duration: Number(b.pc_duration), facilityId: Number(b.pc_facility),
      billingFacilityId: Number(b.pc_billing_location), hometext: str(b.pc_hometext) ?? '', room: '', time: nowLocal(sim.tz),
    });
    return reply.send({ id: eid });
  });

  app.delete('/apis/:site/api/patient/:pid/appointment/:eid', pre, async (req, reply) => {
    const eid = Number((req.params as { eid: string }).eid);
    const i = db.appointments.findIndex((a) => a.eid === eid);
    if (i < 0) return reply.code(500).send({ message: 'Failed to delete appointment' });
    db.appointments.splice(i, 1);
    return { message: 'record deleted' };
  });

  app.post('/apis/:site/api/patient/:pid/message', pre, async (req, reply) => {
    const pid = Number((req.params as { pid: string }).pid);
    const b = (req.body ?? {}) as Body;
    const errs: Record<string, unknown> = {};
    const body = str(b.body);
    if (body === undefined) errs.body = requiredMsg('body'); else if (body.length < 2) errs.body = tooShortMsg('body', 2);
    for (const k of ['to', 'from', 'groupname', 'title', 'message_status']) if (b[k] === undefined) errs[k] = requiredMsg(k);
    if (Object.keys(errs).length) return reply.code(400).send(errs);
    const mid = nextId(db, 'message');
    db.messages.push({ mid, pid, title: str(b.title) ?? '', body: body ?? '', from: str(b.from) ?? '', to: str(b.to) ?? '', status: str(b.message_status) ?? '', date: nowLocal(sim.tz) });
    return reply.code(201).send({ mid });
  });

  app.get('/apis/:site/api/patient/:pid/document', pre, async (req, reply) => {
    const pid = Number((req.params as { pid: string }).pid);
    const path = str((req.query as Body).path) ?? '';
    const cat = path.split('/').filter(Boolean).pop() ?? '';
    const docs = db.documents.filter((d) => d.pid === pid && (cat === '' || cat === 'categories' || catPath(d.category) === cat));
    return rawOr404(reply, docs.map((d) => ({ filename: d.uuid, id: d.id, mimetype: d.mimetype, docdate: d.docdate })));
  });

  app.post('/apis/:site/api/patient/:pid/document', pre, async (req, reply) => {
    const pid = Number((req.params as { pid: string }).pid);
    const path = str((req.query as Body).path) ?? '/categories/medical_record';
    const part = parseMultipart(req.body, String(req.headers['content-type'] ?? '')).find((p) => p.name === 'document');
    if (!part || !db.patients.some((p) => p.pid === pid)) return reply.code(400).send(false);
    const seg = path.split('/').filter(Boolean).pop() ?? 'medical_record';
    const category = seg.split('_').map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' ');
    const id = nextId(db, 'doc', 100);
    const now = nowLocal(sim.tz);
    const data = part.data;
    db.documents.push({ id, uuid: nameUuid(`created-doc:${id}:${Date.now()}`), pid, name: part.filename ?? 'upload', mimetype: part.contentType ?? 'application/octet-stream',
      docdate: now.slice(0, 10), date: now, category, content: () => Promise.resolve(data) });
    return reply.send(true);
  });

  app.get('/apis/:site/api/patient/:pid/document/:did', pre, async (req, reply) => {
    const { pid, did } = req.params as { pid: string; did: string };
    const d = db.documents.find((x) => x.pid === Number(pid) && x.id === Number(did));
    if (!d) return reply.code(400).send('');
    return reply.type(d.mimetype).header('content-disposition', `attachment; filename="${d.name}"`).send(await d.content());
  });
}
