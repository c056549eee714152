import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Sim } from '../context';
import { oauthError } from '../oauth/errors';
import type { Grant } from '../oauth/tokens';

export interface Auth extends Grant { jti: string }

const authOf = new WeakMap<FastifyRequest, Auth>();

export function auth(req: FastifyRequest): Auth {
  const a = authOf.get(req);
  if (!a) throw new Error('route used without a guard');
  return a;
}

/** 401 with an empty body: what OpenEMR sends when the token is fine but does not cover the route. */
export function emptyUnauthorized(reply: FastifyReply): FastifyReply {
  return reply.code(401).type('text/html; charset=utf-8').send('');
}

type Family = 'api' | 'fhir' | 'portal';

export function guard(sim: Sim, family: Family): preHandlerAsyncHookHandler {
  return async (req, reply) => {
    const h = req.headers.authorization;
    if (!h) return reply.code(401).send(oauthError('access_denied', 'Missing "Authorization" header'));
    const token = h.replace(/^Bearer\s+/i, '');
    const v = await sim.tokens.verify(token);
    if (!v.ok) return reply.code(401).send(oauthError('access_denied', v.hint));
    const a = v.rec;
    if (family === 'api' && a.role !== 'users') return emptyUnauthorized(reply);
    if (family === 'portal' && a.role !== 'patient') return emptyUnauthorized(reply);
    if (family === 'fhir' && a.role === 'patient' && req.method !== 'GET') return emptyUnauthorized(reply);
    if (family === 'api' && !a.scopes.includes('api:oemr')) {
      return reply.code(403).send({ error: 'An error occurred', message: 'OpenEMR Error: API call failed due to insufficient permissions', code: 0 });
    }
    if (family === 'portal' && !a.scopes.includes('api:port')) {
      return reply.code(403).send({ error: 'An error occurred', message: 'OpenEMR Error: API call failed due to insufficient permissions', code: 0 });
    }
    authOf.set(req, { ...a });
  };
}
