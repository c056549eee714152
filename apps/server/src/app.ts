import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { OpenEmrError, OpenEmrNotFoundError } from '@portico/openemr';
import type { AppDeps } from './app-deps';
import type { Logger } from './platform/log';
import { enforceDeclaredPolicies, type DeclaredRoute } from './http/policy';
import { HttpProblem, problems, sendProblem } from './http/problem';
import { BASELINE_HEADERS, registerSecurityHeaders } from './http/security-headers';
import { httpsOptions } from './http/tls';
import { defaultWebDist, serveWeb } from './http/web';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { dashboardRoutes } from './modules/dashboard/routes';
import { healthRoutes } from './modules/health/routes';
import { recordsRoutes } from './modules/records/routes';
import { sessionsRoutes } from './modules/sessions/routes';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameOrigin(origin: string, host: string | undefined, publicUrl: string | undefined): boolean {
  try {
    const o = new URL(origin);
    return o.host === host || (publicUrl !== undefined && o.origin === new URL(publicUrl).origin);
  } catch {
    return false;
  }
}

export type PorticoApp = FastifyInstance & { routeTable: DeclaredRoute[] };

export async function buildApp(deps: AppDeps, opts: { logger?: Logger } = {}): Promise<PorticoApp> {
  const https = httpsOptions(deps.config.tls);
  const app = Fastify({ ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }), ...(https ? { https } : {}), trustProxy: deps.config.trustedProxies.length ? deps.config.trustedProxies : false, bodyLimit: 64 * 1024, return503OnClosing: true,
    // Per-request lines would flood the console; latency by route is in /metrics.
    logController: new LogController({ disableRequestLogging: true }),
    // Errors raised before routing (over-long or malformed URLs) still answer as problem+json.
    frameworkErrors: (err, req, reply) => {
      reply.headers(BASELINE_HEADERS).header('cache-control', 'no-store');
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      return sendProblem(reply, new HttpProblem(tooLong ? 414 : 400, tooLong ? 'uri-too-long' : 'bad-url', tooLong ? 'The address is too long' : 'The address is not valid'), req.url.slice(0, 200));
    },
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routeTable = enforceDeclaredPolicies(app);

  await app.register(fastifyCookie);
  await registerSecurityHeaders(app);
  await app.register(fastifySwagger, {
    openapi: { openapi: '3.0.3', info: { title: 'Portico portal API', version: '1.0.0' }, servers: [{ url: '/' }] },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req, reply) => {
    const policy = req.routeOptions.config?.policy;
    // CSRF: a cross-site form cannot send JSON or a custom header, and the cookie is SameSite=Strict as well.
    if (UNSAFE.has(req.method) && req.url.startsWith('/api/')) {
      const json = (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
      if (!json && !req.headers['x-portico-csrf']) return sendProblem(reply, problems.csrf());
      // Defence in depth: a browser names the page that sent a write; it must be this site.
      if (req.headers.origin && !sameOrigin(req.headers.origin, req.headers.host, deps.config.publicUrl)) return sendProblem(reply, problems.crossOrigin());
      // Fetch metadata (AC-15): a browser marks a request another site (or a sibling subdomain) started.
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return sendProblem(reply, problems.crossOrigin());
    }
    // Only the API reads sessions: the SPA's files and the health probes cost no database round trip.
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[deps.cookie.name];
    if (token) req.session = await deps.auth.resolve(token);
    if (policy === 'patient' && !req.session) {
      if (token) reply.clearCookie(deps.cookie.name, deps.cookie.clearOptions);
      return sendProblem(reply, problems.unauthenticated());
    }
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    deps.metrics.httpDuration.labels(req.method, route, String(reply.statusCode)).observe(reply.elapsedTime / 1000);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || err.validationContext || '', message: v.message ?? 'invalid' }));
      return sendProblem(reply, new HttpProblem(400, 'validation', 'The request is not valid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors), req.url);
    }
    if (err instanceof HttpProblem) return sendProblem(reply, err, req.url);
    if (err instanceof OpenEmrNotFoundError) return sendProblem(reply, problems.notFound(), req.url);
    if (err instanceof OpenEmrError) {
      req.log.warn({ err: err.name, msg: err.message }, 'OpenEMR call failed');
      return sendProblem(reply, problems.ehrUnavailable(), req.url);
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, new HttpProblem(413, 'payload-too-large', 'The request is too large'), req.url);
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, new HttpProblem(415, 'unsupported-media-type', 'Send JSON (application/json)'), req.url);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(reply, new HttpProblem(err.statusCode, 'bad-request', 'The request is not valid', err.message), req.url);
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, new HttpProblem(500, 'internal', 'Something went wrong on our side'), req.url);
  });

  auditRoutes(app, deps);
  healthRoutes(app, deps);
  authRoutes(app, deps);
  dashboardRoutes(app, deps);
  recordsRoutes(app, deps);
  sessionsRoutes(app, deps);
  await serveWeb(app, deps.config.webDist ?? defaultWebDist);
  return Object.assign(app, { routeTable }) as unknown as PorticoApp;
}
