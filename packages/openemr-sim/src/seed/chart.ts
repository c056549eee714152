import type { Db, DocumentRow, Encounter, LabOrder, ListItem, Patient, Vitals } from '../types';
import type { Rng } from '../util/prng';
import { nameUuid } from '../util/prng';
import type { Panel } from './lab-catalog';
import { addMinutes } from '../util/time';

export function nextId(db: Db, key: string, start = 1): number {
  const v = (db.seq[key] ?? start - 1) + 1;
  db.seq[key] = v;
  return v;
}

/** Appends rows for one patient, allocating OpenEMR-style integer ids as the real tables would. */
export class Chart {
  constructor(readonly db: Db, readonly p: Patient, readonly r: Rng) {}

  encounter(date: string, reason: string, providerId: number, facilityId = 3, fixed?: { eid: number; uuid: string }): Encounter {
    const eid = fixed?.eid ?? nextId(this.db, 'encounter', 100);
    const e: Encounter = {
      id: eid, eid, uuid: fixed?.uuid ?? nameUuid(`encounter:${eid}`), pid: this.p.pid, date, reason, providerId, facilityId,
      catid: 5, catname: 'Office Visit',
    };
    this.db.encounters.push(e);
    return e;
  }

  vitals(e: Encounter, v: Partial<Vitals>, fixed?: { id: number; uuid: string }): Vitals {
    const id = fixed?.id ?? nextId(this.db, 'vitals', 100);
    const row: Vitals = {
      id, uuid: fixed?.uuid ?? nameUuid(`vitals:${id}`), pid: this.p.pid, eid: e.eid, date: e.date,
      bps: null, bpd: null, weight: null, height: null, temperature: null, tempMethod: '', pulse: null, respiration: null,
      bmi: null, spo2: null, waist: null, note: '', ...v,
    };
    this.db.vitals.push(row);
    return row;
  }

  list(type: ListItem['type'], title: string, begdate: string, extra: Partial<ListItem> = {}): ListItem {
    const id = nextId(this.db, 'lists', 100);
    const item: ListItem = {
      id, uuid: nameUuid(`lists:${id}`), pid: this.p.pid, type, title, begdate, enddate: null, diagnosis: '', date: `${begdate} 09:00:00`,
      comments: null, reaction: '', severity: null, verification: '', active: true, ...extra,
    };
    this.db.lists.push(item);
    return item;
  }

  rx(drug: string, rxnorm: string, dateAdded: string, providerId: number, instructions: string, note: string, eid: number | null, interval = 1): void {
    const id = nextId(this.db, 'rx', 100);
    this.db.prescriptions.push({
      id, uuid: nameUuid(`rx:${id}`), pid: this.p.pid, eid, providerId, drug, rxnorm, dateAdded: `${dateAdded} 00:00:00`,
      note, instructions, interval, active: true,
    });
  }

  immunization(date: string, cvx: string, cvxText: string, providerId: number, note: string): void {
    const id = nextId(this.db, 'imm', 100);
    this.db.immunizations.push({
      id, uuid: nameUuid(`imm:${id}`), pid: this.p.pid, date: `${date} 10:00:00`, cvx, cvxText, manufacturer: 'Example Vaccines Inc',
      lot: `LOT-${cvx}-${id}`, providerId, note, expiration: `${Number(date.slice(0, 4)) + 1}-06-30 00:00:00`, createDate: `${date} 10:05:00`,
    });
  }

  appointment(date: string, start: string, minutes: number, status: string, aid: number, catid: number, title: string, hometext: string,
    facilityId = 3, fixed?: { eid: number; uuid: string }): void {
    const eid = fixed?.eid ?? nextId(this.db, 'appt', 100);
    this.db.appointments.push({
      eid, uuid: fixed?.uuid ?? nameUuid(`appt:${eid}`), pid: this.p.pid, aid, catid, title, status, date, startTime: start,
      endTime: addMinutes(start, minutes), duration: minutes * 60, facilityId, billingFacilityId: facilityId, hometext, room: '',
      time: `${date} 08:00:00`,
    });
  }

  document(name: string, mimetype: string, date: string, category: string, content: () => Promise<Buffer>, uuid?: string): DocumentRow {
    const id = nextId(this.db, 'doc', 100);
    const d: DocumentRow = { id, uuid: uuid ?? nameUuid(`doc:${id}`), pid: this.p.pid, name, mimetype, docdate: date, date: `${date} 16:07:30`, category, content };
    this.db.documents.push(d);
    return d;
  }

  /** One order with one report; the sickness factor nudges values towards the abnormal side. */
  labs(panel: Panel, date: string, providerId: number, eid: number | null, sick: number, overrides: Record<string, [string, string]> = {}): LabOrder {
    const id = nextId(this.db, 'order', 100);
    const order: LabOrder = {
      id, uuid: nameUuid(`order:${id}`), pid: this.p.pid, eid, providerId, labId: 1, dateOrdered: date, name: panel.name, code: panel.code,
      report: { id, uuid: nameUuid(`report:${id}`), date: `${date} 08:00:00`, notes: null },
      results: panel.analytes.map((a) => {
        const rid = nextId(this.db, 'result', 100);
        const [result, abnormal] = overrides[a.code] ?? a.value(this.r, sick);
        return { id: rid, uuid: nameUuid(`result:${rid}`), code: a.code, text: a.text, result, units: a.units, range: a.range, abnormal, comments: '', status: 'final' };
      }),
    };
    this.db.labOrders.push(order);
    return order;
  }
}
