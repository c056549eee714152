import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Dashboard, DashboardSectionName } from '@portico/contracts';
import type { AppDeps } from '../../app-deps';
import { noStore, sessionPatient } from '../../http/request-context';
import { audited } from '../audit/http';
import { ehrFor } from '../records/ehr-access';
import { buildDashboard, buildSection } from './service';

export function dashboardRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/dashboard', {
    config: { policy: 'patient' },
    schema: { tags: ['dashboard'], querystring: z.object({ refresh: z.enum(['0', '1']).optional() }), response: { 200: Dashboard } },
  }, async (req, reply) => {
    const { link } = sessionPatient(req);
    noStore(reply);
    const fallback = { uuid: link.uuid, pid: link.pid, givenName: '', familyName: '', birthDate: null };
    return audited(req, deps, { category: 'dashboard' }, () =>
      buildDashboard(ehrFor(deps, link, req.query.refresh === '1'), fallback, deps.config.clinic.timeZone, deps.now(), (section, err) =>
        req.log.warn({ section, err: (err as Error).name, msg: (err as Error).message }, 'dashboard section failed'),
      ));
  });

  r.get('/api/v1/dashboard/sections/:name', {
    config: { policy: 'patient' },
    schema: { tags: ['dashboard'], params: z.object({ name: DashboardSectionName }), response: { 200: Dashboard.shape.sections.shape.appointments.or(Dashboard.shape.sections.shape.results).or(Dashboard.shape.sections.shape.summary) } },
  }, async (req, reply) => {
    const { link } = sessionPatient(req);
    noStore(reply);
    // A retry asks because something failed: go to OpenEMR rather than the cache.
    return audited(req, deps, { category: 'dashboard', resourceId: req.params.name }, () =>
      buildSection(req.params.name, ehrFor(deps, link, true), deps.now(), (section, err) =>
        req.log.warn({ section, err: (err as Error).name }, 'dashboard section failed'),
      ));
  });
}
