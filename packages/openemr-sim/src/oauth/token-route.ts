import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { Sim } from '../context';
import { baseUrl } from '../context';
import { sendOauthError } from './errors';
import { firstUnknownScope, splitScopes } from './scopes';
import type { Grant } from './tokens';
import type { AuthCodes } from './authorize';

type Form = Record<string, string | undefined>;

const issuer = (req: FastifyRequest) => `${baseUrl(req)}/oauth2/default`;

export function registerTokenRoute(app: FastifyInstance, sim: Sim, codes: AuthCodes): void {
  app.post('/oauth2/:site/token', async (req, reply) => {
    const f = (req.body ?? {}) as Form;
    const grantType = f.grant_type;
    if (!['password', 'authorization_code', 'refresh_token'].includes(grantType ?? '')) {
      return sendOauthError(reply, 400, 'unsupported_grant_type', 'Check that all required parameters have been provided');
    }
    const client = sim.clients.get(f.client_id ?? '');
    if (!client) return sendOauthError(reply.header('www-authenticate', 'Bearer realm="OAuth"'), 401, 'invalid_client');

    if (grantType === 'refresh_token') {
      const r = sim.tokens.consumeRefresh(f.refresh_token ?? '');
      if (!r || r.clientId !== client.id) return sendOauthError(reply, 400, 'invalid_grant', 'Token has been revoked');
      const { token: _t, accessJti: _a, exp: _e, ...grant } = r;
      return reply.header('cache-control', 'no-store').send(await sim.tokens.issue(grant, issuer(req)));
    }

    if (grantType === 'authorization_code') {
      const code = codes.take(f.code ?? '');
      if (!code || code.clientId !== client.id || code.redirectUri !== f.redirect_uri) {
        return sendOauthError(reply, 400, 'invalid_grant', 'Authorization code has expired or was already used');
      }
      if (client.confidential && f.client_secret !== undefined && f.client_secret !== client.secret) {
        return sendOauthError(reply, 401, 'invalid_client');
      }
      const challenge = createHash('sha256').update(f.code_verifier ?? '').digest('base64url');
      if (!f.code_verifier || challenge !== code.codeChallenge) {
        return sendOauthError(reply, 400, 'invalid_grant', 'Failed to verify `code_verifier`.');
      }
      return reply.header('cache-control', 'no-store').send(await sim.tokens.issue(code.grant, issuer(req)));
    }

    // Password grant. OpenEMR 7.0.2 does not check client_secret here (recorded), so neither do we.
    const requested = splitScopes(f.scope);
    const bad = firstUnknownScope(requested);
    if (bad) return sendOauthError(reply, 400, 'invalid_scope', `Check the \`${bad}\` scope`);
    const scopes = requested.filter((s) => client.scopes.includes(s));
    const role = f.user_role;
    let grant: Grant | undefined;
    if (role === 'patient') {
      if (f.email === undefined) return sendOauthError(reply, 400, 'invalid_request', 'Check the `email` parameter');
      const p = sim.db.patients.find((x) => x.portal && x.portal.username === f.username && x.portal.password === f.password && x.email === f.email);
      if (p) grant = { clientId: client.id, sub: p.uuid, role: 'patient', scopes, patientUuid: p.uuid };
    } else if (role === 'users') {
      const u = sim.db.users.find((x) => x.active && x.username !== '' && x.username === f.username && x.password === f.password);
      if (u) grant = { clientId: client.id, sub: u.uuid, role: 'users', scopes };
    } else {
      return sendOauthError(reply, 400, 'invalid_request', 'Check the `user_role` parameter');
    }
    if (!grant) return sendOauthError(reply, 400, 'invalid_grant', 'Failed Authentication');
    return reply.header('cache-control', 'no-store').send(await sim.tokens.issue(grant, issuer(req)));
  });
}
