import type { Db, SeedInfo } from '../types';
import { seedFacilities, seedLabOrgs, seedUsers } from './seed-org';
import { BRENT, EDUARDO, FARRAH, FARRAH_PORTAL_PASSWORD, seedBrent, seedFarrah } from './seed-recorded';
import { DEMO1, DEMO2, DEMO_PASSWORD, seedDemo1, seedDemo2 } from './seed-demo';
import { seedGenericChart, seedGenericPatients } from './seed-patients';

export const RECORDED_CLIENT_ID = 'CJI9lqQfN3K9bTVExqI8wVnuHrurn41g1Wc6thNuSN4';
export const RECORDED_CLIENT_SECRET = 'portico-recorded-client-secret';

export function buildDb(anchor: string, service: { username: string; password: string }): Db {
  const db: Db = {
    anchorDate: anchor, facilities: seedFacilities(), users: seedUsers(service), patients: [], encounters: [], vitals: [], lists: [],
    prescriptions: [], immunizations: [], appointments: [], documents: [], labOrders: [], labOrgs: seedLabOrgs(), messages: [],
    seq: { patient: 48, message: 3 },
  };
  db.patients.push(EDUARDO, FARRAH, BRENT, DEMO1, DEMO2);
  seedFarrah(db, anchor);
  seedBrent(db, anchor);
  seedDemo1(db, anchor);
  seedDemo2(db, anchor);
  seedGenericChart(db, EDUARDO, anchor);
  const pids = Array.from({ length: 48 }, (_, i) => i + 1).filter((p) => ![4, 5, 41, 42, 43].includes(p));
  seedGenericPatients(db, anchor, pids);
  db.patients.sort((a, b) => a.pid - b.pid);
  return db;
}

export function seedInfo(db: Db): SeedInfo {
  return {
    anchorDate: db.anchorDate,
    users: db.users.filter((u) => u.username && u.active).map((u) => ({ username: u.username, password: u.password, uuid: u.uuid })),
    clientId: RECORDED_CLIENT_ID,
    clientSecret: RECORDED_CLIENT_SECRET,
    patients: db.patients.map((p) => ({
      pid: p.pid, uuid: p.uuid, name: `${p.fname} ${p.lname}`, email: p.email,
      ...(p.portal ? { portalUsername: p.portal.username, portalPassword: p.portal.password } : {}),
    })),
    demo: [DEMO1, DEMO2].map((p) => ({ pid: p.pid, uuid: p.uuid, email: p.email })),
  };
}

export { FARRAH_PORTAL_PASSWORD, DEMO_PASSWORD };
