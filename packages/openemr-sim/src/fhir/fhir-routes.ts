import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Sim } from '../context';
import { baseUrl } from '../context';
import { auth, emptyUnauthorized, guard } from '../http/auth';
import { knobFor } from '../http/knobs';
import capability from '../data/capability-statement.json';
import { SERVER_SCOPES } from '../oauth/scopes';
import { bundle, tokenCodes, type Item } from './bundle';
import { collectors } from './collectors';

export function registerFhir(app: FastifyInstance, sim: Sim): void {
  const pre = { preHandler: guard(sim, 'fhir') };
  const cols = collectors(sim);

  app.get('/apis/:site/fhir/metadata', async (req) => {
    const text = JSON.stringify(capability).replaceAll('{{BASE}}', baseUrl(req));
    return { ...JSON.parse(text), date: sim.db.anchorDate };
  });
  app.get('/apis/:site/fhir/.well-known/smart-configuration', async (req) => {
    const o = `${baseUrl(req)}/oauth2/default`;
    return {
      authorization_endpoint: `${o}/authorize`, token_endpoint: `${o}/token`, registration_endpoint: `${o}/registration`,
      scopes_supported: [SERVER_SCOPES],
      response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'token id_token', 'code token id_token'],
      introspection_endpoint: `${o}/introspect`,
      capabilities: ['launch-ehr', 'context-banner', 'context-ehr-patient', 'context-style', 'sso-openid-connect', 'client-confidential-symmetric',
        'permission-user', 'context-standalone-patient', 'launch-standalone', 'permission-patient', 'permission-offline', 'client-public'],
      code_challenge_methods_supported: ['S256'], grant_types_supported: ['client_credentials', 'authorization_code'],
    };
  });

  /** The patient a search is bound to: the token's own patient, or ?patient= for staff. */
  const boundPatient = (req: FastifyRequest): number | null | 'none' => {
    const a = auth(req);
    const q = req.query as Record<string, string | undefined>;
    const wanted = (q.patient ?? q.subject)?.replace(/^Patient\//, '');
    if (a.role === 'patient') {
      const own = sim.db.patients.find((p) => p.uuid === a.patientUuid);
      if (!own || (wanted !== undefined && wanted !== own.uuid)) return 'none';
      return own.pid;
    }
    if (wanted === undefined) return null;
    return sim.db.patients.find((p) => p.uuid === wanted)?.pid ?? 'none';
  };

  for (const [type, col] of Object.entries(cols)) {
    app.get(`/apis/:site/fhir/${type}`, pre, async (req) => {
      const q = req.query as Record<string, string | undefined>;
      const a = auth(req);
      const pid = boundPatient(req);
      let items: Item[] = [];
      // Recorded 7.0.2 quirks: Patient?_count=N answers an empty bundle; patient tokens see no DocumentReference.
      const quirkEmpty = (type === 'Patient' && q._count !== undefined) || (type === 'DocumentReference' && a.role === 'patient');
      if (pid !== 'none' && !quirkEmpty) {
        const all = col.search(req, q, col.patientBound ? pid : null);
        items = pid === null || !col.patientBound ? all : all.filter((i) => i.pid === pid);
        if (typeof pid === 'number' && col.patientBound && knobFor(sim, req).leakForeignPatient) {
          const foreign = col.search(req, q, null).find((i) => i.pid !== null && i.pid !== pid);
          if (foreign) items = [...items, foreign];
        }
      }
      const ids = tokenCodes(q._id);
      if (ids) items = items.filter((i) => ids.includes(String(i.resource.id)));
      return bundle(req, sim.tz, items, sim.knobs.fhirPageSize);
    });
    app.get(`/apis/:site/fhir/${type}/:id`, pre, async (req, reply) => {
      const { id } = req.params as { id: string };
      const hit = col.search(req, {}).find((i) => i.resource.id === id);
      if (!hit) return reply.code(404).send([]);
      const a = auth(req);
      if (a.role === 'patient' && col.patientBound) {
        const own = sim.db.patients.find((p) => p.uuid === a.patientUuid);
        if (!own || hit.pid !== own.pid) return emptyUnauthorized(reply);
      }
      return hit.resource;
    });
  }

  app.get('/apis/:site/fhir/Binary/:id', pre, async (req, reply) => {
    const { id } = req.params as { id: string };
    const d = sim.db.documents.find((x) => x.uuid === id);
    if (!d) return reply.code(404).send([]);
    const a = auth(req);
    if (a.role === 'patient' && sim.db.patients.find((p) => p.uuid === a.patientUuid)?.pid !== d.pid) return emptyUnauthorized(reply);
    const bytes = await d.content();
    if (String(req.headers.accept ?? '').includes('application/fhir+json')) {
      return reply.type('application/fhir+json').send({ resourceType: 'Binary', id: d.uuid, contentType: d.mimetype, data: bytes.toString('base64') });
    }
    return reply.type(d.mimetype).send(bytes);
  });
}
