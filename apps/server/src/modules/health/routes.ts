import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps';
import { safeEqual } from '../../platform/crypto';
import { HttpProblem, sendProblem } from '../../http/problem';

export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/healthz', { config: { policy: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { policy: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const checks = [
      await deps.database.db.execute(sql`select 1`).then(
        () => ({ name: 'database', ok: true }),
        (err: Error) => ({ name: 'database', ok: false, detail: err.message }),
      ),
      ...(await deps.readiness()),
    ];
    const ok = checks.every((c) => c.ok);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not-ready', checks });
  });

  // Public on a private network by default (Prometheus scrapes it); with PORTICO_METRICS_TOKEN set, bearer only.
  app.get('/metrics', { config: { policy: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const token = deps.config.metricsToken;
    if (token && !safeEqual(req.headers.authorization ?? '', `Bearer ${token}`)) {
      return sendProblem(reply.header('www-authenticate', 'Bearer'), new HttpProblem(401, 'unauthenticated', 'Metrics need a bearer token'));
    }
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });

  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
