import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Me, SignInRequest } from '@portico/contracts';
import type { AppDeps } from '../../app-deps';
import { problems, sendProblem } from '../../http/problem';
import { noStore, sessionPatient } from '../../http/request-context';
import { audited, auditSignIn, auditSignOut } from '../audit/http';
import { patientOrFallback } from '../records/ehr-access';
import { SignInRefused, withRetryAfter } from './throttle';

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookie = deps.cookie;

  r.post('/api/v1/auth/sign-in', {
    // Throttled per account and per IP in the database (AUTH-07), not by an in-memory limiter.
    config: { policy: 'public' },
    schema: { tags: ['auth'], body: SignInRequest, response: { 200: Me } },
  }, async (req, reply) => {
    const result = await deps.auth.signIn(req.body.email, req.body.password, { userAgent: req.headers['user-agent'] ?? null, ip: req.ip }).catch(async (err: unknown) => {
      // Throttled and locked attempts are sign-in failures too, and belong in the trail.
      if (err instanceof SignInRefused) await auditSignIn(req, deps, req.body.email, null, err.slug);
      return withRetryAfter(reply)(err);
    });
    await auditSignIn(req, deps, req.body.email, result);
    noStore(reply);
    if (!result) return sendProblem(reply, problems.signInFailed());
    reply.setCookie(cookie.name, result.token, cookie.options(deps.config.session.absoluteMs));
    const link = { uuid: result.account.openemrPatientUuid, pid: result.account.openemrPatientPid };
    return {
      accountId: result.account.id,
      email: result.account.email,
      patient: await patientOrFallback(deps, link, req.log),
      clinicTimeZone: deps.config.clinic.timeZone,
      idleExpiresAt: new Date(Date.now() + deps.config.session.idleMs).toISOString(),
    };
  });

  r.post('/api/v1/auth/sign-out', {
    config: { policy: 'public' },
    schema: { tags: ['auth'], response: { 204: z.null() } },
  }, async (req, reply) => {
    await auditSignOut(req, deps);
    if (req.session) await deps.auth.signOut(req.session.idHash);
    reply.clearCookie(cookie.name, cookie.clearOptions);
    noStore(reply);
    reply.header('clear-site-data', '"cache", "storage"'); // SESS-06: the browser drops cached PHI and web storage
    return reply.status(204).send(null);
  });

  r.get('/api/v1/me', { config: { policy: 'patient' }, schema: { tags: ['auth'], response: { 200: Me } } }, async (req, reply) => {
    const { session, link } = sessionPatient(req);
    noStore(reply);
    return {
      accountId: session.account.id,
      email: session.account.email,
      patient: await audited(req, deps, { category: 'demographics' }, () => patientOrFallback(deps, link, req.log)),
      clinicTimeZone: deps.config.clinic.timeZone,
      idleExpiresAt: session.idleExpiresAt.toISOString(),
    };
  });
}
