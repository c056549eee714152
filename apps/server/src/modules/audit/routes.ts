import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccessLogActor, AccessLogQuery, AccessLogResponse, type AccessLogEntry } from '@portico/contracts';
import type { AppDeps } from '../../app-deps';
import { noStore, sessionPatient } from '../../http/request-context';
import { auditDenied, audited } from './http';
import type { AuditRow } from './repo';

function toEntry(row: AuditRow, accountId: string): AccessLogEntry {
  const kind = AccessLogActor.safeParse(row.actorKind);
  return {
    seq: row.seq,
    at: row.tsUtc.toISOString(),
    actor: row.actorUserId === accountId ? 'you' : row.actorUserId === null && row.actorKind === 'patient' ? 'unknown' : kind.success ? kind.data : 'unknown',
    action: row.action,
    category: row.resourceType,
    outcome: row.outcome === 'success' || row.outcome === 'denied' ? row.outcome : 'error',
  };
}

export function auditRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Every request turned away from a patient route for want of a session leaves one authz_denied row.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 401 && req.routeOptions.config?.policy === 'patient' && !req.session) await auditDenied(req, deps, 'unauthenticated');
    return payload;
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/me/access-log', {
    config: { policy: 'patient' },
    schema: { tags: ['audit'], querystring: AccessLogQuery, response: { 200: AccessLogResponse } },
  }, async (req, reply) => {
    const { session, link } = sessionPatient(req);
    noStore(reply);
    const { before, limit } = req.query;
    const rows = await audited(req, deps, { action: 'query', category: 'access-log' }, () => deps.audit.accessLog(link.uuid, { before, limit: limit + 1 }));
    const page = rows.slice(0, limit);
    return { items: page.map((r) => toEntry(r, session.account.id)), nextBefore: rows.length > limit ? page[page.length - 1]!.seq : null };
  });
}
