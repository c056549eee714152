import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps';

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

  app.get('/metrics', { config: { policy: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });

  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
