import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Client, Sim } from '../context';
import { baseUrl } from '../context';
import { sendOauthError } from './errors';
import { firstUnknownScope, SERVER_SCOPES, splitScopes } from './scopes';
import { AuthCodes, registerAuthorize } from './authorize';
import { registerTokenRoute } from './token-route';

const DEFAULT_SCOPE = 'openid email phone address api:oemr api:fhir api:port';
const ECHO_KEYS = ['contacts', 'application_type', 'client_name', 'redirect_uris', 'post_logout_redirect_uris', 'token_endpoint_auth_method', 'scope'];

export function registerOauth(app: FastifyInstance, sim: Sim): void {
  const codes = new AuthCodes();
  registerAuthorize(app, sim, codes);
  registerTokenRoute(app, sim, codes);

  app.get('/oauth2/:site/.well-known/openid-configuration', async (req) => {
    const iss = `${baseUrl(req)}/oauth2/default`;
    return {
      issuer: iss, authorization_endpoint: `${iss}/authorize`, token_endpoint: `${iss}/token`, jwks_uri: `${iss}/jwk`,
      userinfo_endpoint: `${iss}/userinfo`, registration_endpoint: `${iss}/registration`, end_session_endpoint: `${iss}/logout`,
      introspection_endpoint: `${iss}/introspect`, scopes_supported: SERVER_SCOPES,
      response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'token id_token', 'code token id_token'],
      code_challenge_methods_supported: ['S256', 'plain'], grant_types_supported: ['authorization_code', 'refresh_token', 'password'],
      token_endpoint_auth_methods_supported: ['client_secret_post'], id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384'], subject_types_supported: ['public'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'locale', 'name', 'sub', 'fhirUser'],
    };
  });

  app.get('/oauth2/:site/jwk', async () => ({ keys: [sim.tokens.jwk] }));

  app.post('/oauth2/:site/registration', async (req, reply) => {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendOauthError(reply, 400, 'invalid_client_metadata', 'Invalid content type');
    }
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (!Array.isArray(b.redirect_uris) || b.redirect_uris.length === 0) return sendOauthError(reply, 400, 'invalid_redirect_uri', 'redirect_uris is invalid');
    const confidential = b.application_type === 'private';
    const scope = typeof b.scope === 'string' ? b.scope : DEFAULT_SCOPE;
    const scopes = splitScopes(scope);
    const bad = firstUnknownScope(scopes);
    if (bad) return sendOauthError(reply, 400, 'invalid_scope', `Check the \`${bad}\` scope`);
    if (!confidential && scopes.some((s) => s.startsWith('user/') || s.startsWith('system/'))) {
      return sendOauthError(reply, 400, 'invalid_client_metadata', 'system and user scopes are only allowed for confidential clients');
    }
    const client: Client = {
      id: randomBytes(32).toString('base64url'), secret: confidential ? randomBytes(64).toString('base64url') : '', confidential,
      name: String(b.client_name ?? ''), redirectUris: b.redirect_uris.map(String),
      postLogoutUris: Array.isArray(b.post_logout_redirect_uris) ? b.post_logout_redirect_uris.map(String) : [], scopes,
      // OpenEMR would leave such a client disabled until an admin enables it; the simulator enables it and says so.
      needsApproval: scopes.some((s) => s.startsWith('user/') || s.startsWith('system/')) || (!confidential && scopes.includes('launch')),
      registrationToken: randomBytes(32).toString('base64url'), issuedAt: Math.floor(Date.now() / 1000),
    };
    sim.clients.set(client.id, client);
    const echo = Object.fromEntries(ECHO_KEYS.filter((k) => b[k] !== undefined).map((k) => [k, b[k]]));
    return reply.type('text/html; charset=utf-8').send(JSON.stringify({
      client_id: client.id, client_secret: client.secret, registration_access_token: client.registrationToken,
      registration_client_uri: `${baseUrl(req)}/oauth2/default/client/${randomBytes(16).toString('base64url')}`,
      client_id_issued_at: client.issuedAt, client_secret_expires_at: 0, client_role: confidential ? 'user' : 'patient', ...echo, scope,
    }));
  });

  app.post('/oauth2/:site/introspect', async (req, reply) => {
    const f = (req.body ?? {}) as Record<string, string | undefined>;
    const client = sim.clients.get(f.client_id ?? '');
    if (!client) return sendOauthError(reply, 401, 'invalid_client');
    const rec = await sim.tokens.lookup(f.token ?? '');
    if (!rec) {
      const r = sim.tokens.refresh.get(f.token ?? '');
      if (!r) return { active: false };
      return { active: true, status: 'active', scope: r.scopes.join(' '), client_id: r.clientId, sub: r.sub, exp: Math.floor(r.exp) };
    }
    const active = !rec.revoked && rec.exp > Date.now() / 1000;
    const exp = new Date(rec.exp * 1000).toISOString().replace('T', ' ').replace('Z', '000');
    return {
      active, status: rec.revoked ? 'revoked' : active ? 'active' : 'expired', scope: rec.scopes.join(' '),
      exp: { date: exp, timezone_type: 1, timezone: '+00:00' }, sub: rec.sub, jti: rec.jti, aud: [rec.clientId], client_id: rec.clientId,
    };
  });

  app.get('/oauth2/:site/logout', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    const hint = q.id_token_hint ? decodeClaims(q.id_token_hint) : undefined;
    if (hint?.aud && hint.sub) sim.tokens.revokeFor(String(hint.aud), String(hint.sub));
    const client = hint?.aud ? sim.clients.get(String(hint.aud)) : undefined;
    if (q.post_logout_redirect_uri && client?.postLogoutUris.includes(q.post_logout_redirect_uri)) {
      const u = new URL(q.post_logout_redirect_uri);
      if (q.state) u.searchParams.set('state', q.state);
      return reply.redirect(u.toString(), 302);
    }
    return reply.type('text/html; charset=utf-8').send('<p>You have been logged out.</p>');
  });
}

function decodeClaims(jwt: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
