import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IDLE_EXPIRES_HEADER, IDLE_MINUTES_HEADER, KeepAliveResponse, RevokeOthersResponse, SessionPublicId, SessionsResponse,
} from '@portico/contracts';
import type { AppDeps } from '../../app-deps';
import { problems } from '../../http/problem';
import { noStore, sessionPatient } from '../../http/request-context';
import { accountActor, audited, requestMeta } from '../audit/http';
import { sessionsRepo } from '../auth/repo';
import { publicSessionId, sortSessions, toSessionInfo } from './service';

// Set on a request whose own session was just revoked, so no idle header is sent for a dead session.
const ended = new WeakSet<FastifyRequest>();

export function sessionsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const idleMinutes = Math.round(deps.auth.idleMs / 60_000);
  const repo = sessionsRepo(deps.database.db);

  // SESS-05: every answer to a signed-in patient request says when the session ends if idle, so the browser's
  // warning follows the server's clock instead of guessing. The value is the one `resolve()` just computed.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.routeOptions.config?.policy === 'patient' && req.session && !ended.has(req) && reply.statusCode < 400) {
      reply.header(IDLE_EXPIRES_HEADER, req.session.idleExpiresAt.toISOString()).header(IDLE_MINUTES_HEADER, String(idleMinutes));
    }
    return payload;
  });

  const auditRevoke = (req: FastifyRequest, resourceId: string | null) => {
    const { session } = sessionPatient(req);
    return deps.audit.record({
      ...accountActor(session.account), ...requestMeta(req), action: 'logout', resourceType: 'session', resourceId, outcome: 'success', reasonCode: 'revoked-by-user',
    });
  };

  r.get('/api/v1/sessions', {
    config: { policy: 'patient' },
    schema: { tags: ['sessions'], response: { 200: SessionsResponse } },
  }, async (req, reply) => {
    const { session } = sessionPatient(req);
    noStore(reply);
    // Not health data, but every patient GET leaves a row (AUD-01), and IPs and devices are worth a trail too.
    return audited(req, deps, { category: 'sessions' }, async () => {
      const rows = await repo.listActive(session.account.id, deps.auth.now(), deps.auth.idleMs);
      return { sessions: sortSessions(rows.map((row) => toSessionInfo(row, session.idHash))), idleMinutes };
    });
  });

  r.delete('/api/v1/sessions/:id', {
    config: { policy: 'patient' },
    schema: { tags: ['sessions'], params: z.object({ id: SessionPublicId }), response: { 204: z.null() } },
  }, async (req, reply) => {
    const { session } = sessionPatient(req);
    noStore(reply);
    const rows = await repo.listActive(session.account.id, deps.auth.now(), deps.auth.idleMs);
    const target = rows.find((row) => publicSessionId(row.idHash) === req.params.id);
    // Another account's session, an expired one and a made-up id all look the same.
    if (!target || !(await repo.revokeOwned(session.account.id, target.idHash))) throw problems.notFound('Session');
    await auditRevoke(req, req.params.id).catch((err: Error) => req.log.error({ err: err.message }, 'audit write failed for a session revoke'));
    if (target.idHash === session.idHash) {
      ended.add(req);
      reply.clearCookie(deps.cookie.name, deps.cookie.clearOptions);
    }
    return reply.status(204).send(null);
  });

  r.post('/api/v1/sessions/revoke-others', {
    config: { policy: 'patient' },
    schema: { tags: ['sessions'], response: { 200: RevokeOthersResponse } },
  }, async (req, reply) => {
    const { session } = sessionPatient(req);
    noStore(reply);
    const revoked = await repo.revokeOthers(session.account.id, session.idHash);
    await Promise.all(revoked.map((h) => auditRevoke(req, publicSessionId(h))))
      .catch((err: Error) => req.log.error({ err: err.message }, 'audit write failed for a session revoke'));
    return { revoked: revoked.length };
  });

  r.post('/api/v1/sessions/keep-alive', {
    config: { policy: 'patient' },
    schema: { tags: ['sessions'], response: { 200: KeepAliveResponse } },
  }, async (req, reply) => {
    const { session } = sessionPatient(req);
    noStore(reply);
    session.idleExpiresAt = await deps.auth.keepAlive(session.idHash);
    return { idleExpiresAt: session.idleExpiresAt.toISOString(), idleMinutes };
  });
}
