import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AllergiesResponse, AppointmentsResponse, DocumentsResponse, ImmunizationsResponse, LabTestResponse, MedicationsResponse,
  ProblemsResponse, ResultsResponse, VitalsResponse,
} from '@portico/contracts';
import type { AppDeps } from '../../app-deps';
import { problems } from '../../http/problem';
import { noStore, sessionPatient } from '../../http/request-context';
import { audited } from '../audit/http';
import { ehrFor } from './ehr-access';
import { groupByPanel, splitAppointments, testHistories } from './service';

export function recordsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const opts = <T extends z.ZodType>(response: T) => ({ config: { policy: 'patient' as const }, schema: { tags: ['records'], response: { 200: response } } });
  const ehr = (req: Parameters<typeof sessionPatient>[0]) => ehrFor(deps, sessionPatient(req).link);

  r.get('/api/v1/records/results', opts(ResultsResponse), async (req, reply) => {
    noStore(reply);
    return audited(req, deps, { category: 'lab-results' }, async () => ({ panels: groupByPanel(await ehr(req).read('labs')) }));
  });

  r.get('/api/v1/records/results/:key', {
    ...opts(LabTestResponse),
    schema: { tags: ['records'], params: z.object({ key: z.string().min(1).max(120) }), response: { 200: LabTestResponse } },
  }, async (req, reply) => {
    noStore(reply);
    return audited(req, deps, { category: 'lab-results', resourceId: req.params.key }, async () => {
      const test = testHistories(await ehr(req).read('labs')).find((t) => t.key === req.params.key);
      if (!test) throw problems.notFound('Test');
      return test;
    });
  });

  r.get('/api/v1/records/vitals', opts(VitalsResponse), async (req, reply) => {
    noStore(reply);
    return audited(req, deps, { category: 'vitals' }, async () => {
      const readings = await ehr(req).read('vitals');
      return { readings: [...readings].sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt)) };
    });
  });

  const list = (path: string, method: 'medications' | 'allergies' | 'problems' | 'immunizations', schema: z.ZodType) =>
    r.get(`/api/v1/records/${path}`, opts(schema), async (req, reply) => {
      noStore(reply);
      return audited(req, deps, { category: method }, async () => ({ items: await ehr(req).read(method) }));
    });
  list('medications', 'medications', MedicationsResponse);
  list('allergies', 'allergies', AllergiesResponse);
  list('problems', 'problems', ProblemsResponse);
  list('immunizations', 'immunizations', ImmunizationsResponse);

  r.get('/api/v1/records/documents', opts(DocumentsResponse), async (req, reply) => {
    noStore(reply);
    return audited(req, deps, { category: 'documents' }, async () => {
      const items = await ehr(req).read('documents');
      return { items: [...items].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')) };
    });
  });

  r.get('/api/v1/records/documents/:id/content', {
    config: { policy: 'patient' },
    schema: { tags: ['records'], params: z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }) },
  }, async (req, reply) => {
    const doc = await audited(req, deps, { action: 'download', category: 'document', resourceId: req.params.id }, () => ehr(req).downloadDocument(req.params.id));
    const safeName = doc.filename.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'document';
    noStore(reply);
    return reply
      .header('content-type', doc.contentType)
      .header('content-disposition', `attachment; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(doc.body);
  });

  r.get('/api/v1/appointments', opts(AppointmentsResponse), async (req, reply) => {
    noStore(reply);
    return audited(req, deps, { category: 'appointments' }, async () => splitAppointments(await ehr(req).read('appointments'), deps.now()));
  });
}
