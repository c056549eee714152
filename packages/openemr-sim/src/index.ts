import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import type { Client, Sim } from './context';
import { installKnobs } from './http/knobs';
import { registerOauth } from './oauth/oauth-routes';
import { SERVER_SCOPES } from './oauth/scopes';
import { TokenService } from './oauth/tokens';
import { registerApiReads } from './api/api-read-routes';
import { registerApiWrites } from './api/api-write-routes';
import { registerPortal } from './api/portal-routes';
import { registerFhir } from './fhir/fhir-routes';
import { buildDb, RECORDED_CLIENT_ID, RECORDED_CLIENT_SECRET, seedInfo } from './seed';
import { registerSimRoutes } from './sim-routes';
import type { Knobs, SeedInfo } from './types';
import { todayUtc } from './util/time';

export type { Knobs, RouteKnob, SeedInfo } from './types';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  clinicTimeZone?: string;
  anchorDate?: string;
  knobs?: Knobs;
  serviceUser?: { username: string; password: string };
}

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
  setKnobs(k: Knobs): void;
  seed: SeedInfo;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const anchor = opts.anchorDate ?? todayUtc();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor)) throw new Error(`anchorDate must be YYYY-MM-DD, got ${anchor}`);
  const db = buildDb(anchor, opts.serviceUser ?? { username: 'portico-service', password: 'portico-service-pass' });
  const recorded: Client = {
    id: RECORDED_CLIENT_ID, secret: RECORDED_CLIENT_SECRET, confidential: true, name: 'portico', redirectUris: ['http://127.0.0.1:8399/callback'],
    postLogoutUris: ['http://127.0.0.1:8399/logout'], scopes: [...SERVER_SCOPES, ...allApiScopes()], needsApproval: false, registrationToken: '', issuedAt: 0,
  };
  const sim: Sim = {
    db, tz: opts.clinicTimeZone ?? 'America/New_York', knobs: opts.knobs ?? {}, clients: new Map([[recorded.id, recorded]]),
    tokens: await TokenService.create(),
  };
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 20 * 1024 * 1024 });
  await app.register(formbody);
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  installKnobs(app, sim);
  // Unknown routes: 404 with an empty body, as Apache/OpenEMR answered in the recordings.
  app.setNotFoundHandler((_req, reply) => reply.code(404).type('text/html; charset=utf-8').send(''));
  registerOauth(app, sim);
  registerApiReads(app, sim);
  registerApiWrites(app, sim);
  registerPortal(app, sim);
  registerFhir(app, sim);
  registerSimRoutes(app, sim);
  const address = await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
  const url = address.replace('[::1]', 'localhost');
  return {
    url,
    close: () => app.close(),
    setKnobs: (k) => { sim.knobs = k; },
    seed: seedInfo(db),
  };
}

/** Standard-API scopes the portal's confidential client may ask for (v1 and v2 spellings). */
function allApiScopes(): string[] {
  const res = ['allergy', 'appointment', 'document', 'encounter', 'facility', 'immunization', 'list', 'medical_problem', 'medication', 'message',
    'patient', 'practitioner', 'prescription', 'procedure', 'user', 'vital', 'soap_note', 'drug', 'insurance', 'dental_issue', 'surgery', 'transaction',
    'insurance_company', 'insurance_type'];
  const out: string[] = [];
  for (const r of res) out.push(`user/${r}.read`, `user/${r}.write`, `user/${r}.cruds`, `user/${r}.rs`, `user/${r}.crus`, `user/${r}.crs`, `user/${r}.cud`, `user/${r}.s`, `user/${r}.r`);
  out.push('patient/patient.read', 'patient/patient.s', 'patient/encounter.read', 'patient/encounter.rs', 'patient/appointment.read', 'patient/appointment.rs');
  for (const ctx of ['patient', 'user']) {
    for (const r of ['AllergyIntolerance', 'Appointment', 'Binary', 'CarePlan', 'CareTeam', 'Condition', 'Coverage', 'Device', 'DiagnosticReport',
      'DocumentReference', 'Encounter', 'Goal', 'Immunization', 'Location', 'Medication', 'MedicationRequest', 'Observation', 'Organization', 'Patient',
      'Person', 'Practitioner', 'PractitionerRole', 'Procedure', 'Provenance']) out.push(`${ctx}/${r}.rs`, `${ctx}/${r}.read`);
  }
  return out;
}
