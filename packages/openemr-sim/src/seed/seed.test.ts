import { describe, expect, it } from 'vitest';
import { buildDb } from './index';

const svc = { username: 'portico-service', password: 'portico-service-pass' };

describe('seed', () => {
  it('is deterministic for an anchor date', () => {
    const strip = (d: ReturnType<typeof buildDb>) => JSON.stringify({ ...d, documents: d.documents.map(({ content: _c, ...rest }) => rest) });
    expect(strip(buildDb('2026-01-15', svc))).toBe(strip(buildDb('2026-01-15', svc)));
  });

  it('has the recorded identities and the demo patients', () => {
    const db = buildDb('2026-12-03', svc);
    const farrah = db.patients.find((p) => p.pid === 5);
    expect(farrah).toMatchObject({ uuid: 'a35fb11a-2531-4527-8e52-cfeea92ac44f', email: 'frolle@pennfirm.com', portal: { username: 'frolle' } });
    expect(db.patients.find((p) => p.pid === 41)?.uuid).toBe('a35fb11a-2543-4ed9-8460-d67105af09f4');
    expect(db.appointments.find((a) => a.eid === 7)?.pid).toBe(5);
    expect(db.users.some((u) => u.uuid === 'a35fb1be-b6e6-4784-973e-43a8aca2e2a7')).toBe(true);
    expect(db.patients.length).toBeGreaterThanOrEqual(40);
    expect(db.users.filter((u) => u.npi).length).toBeGreaterThanOrEqual(3);
    expect(db.facilities.length).toBeGreaterThanOrEqual(2);
    expect(db.patients.some((p) => p.email === 'patient2@demo.portico.test')).toBe(true);
  });

  it('gives the rich demo patient years of labs in every range and flag form', () => {
    const anchor = '2026-12-03';
    const db = buildDb(anchor, svc);
    const demo = db.patients.find((p) => p.email === 'patient@demo.portico.test');
    const orders = db.labOrders.filter((o) => o.pid === demo?.pid);
    const results = orders.flatMap((o) => o.results);
    const codes = new Set(results.map((r) => r.code));
    for (const c of ['4548-4', '2345-7', '2093-3', '2085-9', '13457-7', '2571-8', '6690-2', '718-7', '4544-3', '777-3', '2951-2', '2823-3', '2160-0', '3094-0', '17861-6', '3016-3', '33914-3', '5811-5', '2887-8', '5792-7', '20454-5']) {
      expect(codes, c).toContain(c);
    }
    const dates = orders.map((o) => o.dateOrdered).sort();
    expect(Date.parse(anchor) - Date.parse(dates[0] ?? anchor)).toBeGreaterThan(3 * 365 * 86400e3);
    expect(results.some((r) => /^\d+(\.\d+)?-\d+(\.\d+)?$/.test(r.range))).toBe(true);
    expect(results.some((r) => r.range === '')).toBe(true);
    expect(results.some((r) => r.range.startsWith('<'))).toBe(true);
    expect(results.some((r) => r.range.startsWith('>'))).toBe(true);
    expect(results.some((r) => r.range === 'Negative')).toBe(true);
    expect(results.some((r) => r.result === '<0.01')).toBe(true);
    expect(results.some((r) => r.result === '>90')).toBe(true);
    expect(results.some((r) => /[a-z]/i.test(r.result))).toBe(true);
    for (const f of ['no', 'yes', 'high', 'low', 'vhigh', 'vlow']) expect(results.some((r) => r.abnormal === f), f).toBe(true);
    const vitals = db.vitals.filter((v) => v.pid === demo?.pid);
    expect(vitals.length).toBeGreaterThanOrEqual(8);
    expect(vitals.every((v) => v.bps !== null && v.bpd !== null)).toBe(true);
    const appts = db.appointments.filter((a) => a.pid === demo?.pid);
    expect(appts.filter((a) => a.date > anchor).length).toBeGreaterThanOrEqual(2);
    expect(appts.filter((a) => a.date < anchor).length).toBeGreaterThanOrEqual(10);
    expect(db.documents.filter((d) => d.pid === demo?.pid).length).toBeGreaterThanOrEqual(3);
    expect(db.lists.filter((l) => l.pid === demo?.pid && l.type === 'allergy').length).toBeGreaterThan(0);
    expect(db.immunizations.filter((i) => i.pid === demo?.pid).length).toBeGreaterThan(0);
  });

  it('produces real PDF and PNG bytes, identically each time', async () => {
    const docs = buildDb('2026-12-03', svc).documents;
    const again = buildDb('2026-12-03', svc).documents;
    const pdf = docs.find((d) => d.mimetype === 'application/pdf');
    const png = docs.find((d) => d.mimetype === 'image/png');
    const pdfBytes = await pdf?.content();
    expect(pdfBytes?.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await png?.content())?.subarray(1, 4).toString()).toBe('PNG');
    const same = await again.find((d) => d.uuid === pdf?.uuid)?.content();
    expect(same?.equals(pdfBytes ?? Buffer.alloc(0))).toBe(true);
  });
});
