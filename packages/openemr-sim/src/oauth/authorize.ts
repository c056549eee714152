import type { FastifyInstance, FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Sim } from '../context';
import { sendOauthError } from './errors';
import { firstUnknownScope, splitScopes } from './scopes';
import type { Grant } from './tokens';

interface PendingAuth { clientId: string; redirectUri: string; scopes: string[]; state?: string; codeChallenge: string; nonce?: string; exp: number }
interface Code { clientId: string; redirectUri: string; codeChallenge: string; grant: Grant; exp: number }

const CODE_TTL_MS = 60_000;

/** Authorization codes live one minute and can be redeemed once, as in OpenEMR. */
export class AuthCodes {
  private readonly pending = new Map<string, PendingAuth>();
  private readonly codes = new Map<string, Code>();

  begin(p: Omit<PendingAuth, 'exp'>): string {
    const id = randomBytes(16).toString('hex');
    this.pending.set(id, { ...p, exp: Date.now() + 30 * 60_000 });
    return id;
  }

  pendingFor(id: string): PendingAuth | undefined {
    const p = this.pending.get(id);
    return p && p.exp > Date.now() ? p : undefined;
  }

  issue(id: string, grant: Grant): { code: string; p: PendingAuth } | undefined {
    const p = this.pendingFor(id);
    if (!p) return undefined;
    this.pending.delete(id);
    const code = `def50200${randomBytes(32).toString('hex')}`;
    this.codes.set(code, { clientId: p.clientId, redirectUri: p.redirectUri, codeChallenge: p.codeChallenge, grant, exp: Date.now() + CODE_TTL_MS });
    return { code, p };
  }

  take(code: string): Code | undefined {
    const c = this.codes.get(code);
    this.codes.delete(code);
    return c && c.exp > Date.now() ? c : undefined;
  }
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function loginPage(authRequest: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenEMR Login</title></head><body>
<main><h1>OpenEMR</h1>${error ? `<p role="alert" class="error">${esc(error)}</p>` : ''}
<form method="post" action="/oauth2/default/login">
<input type="hidden" name="auth_request" value="${esc(authRequest)}">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<label>E-mail (patients) <input name="email" type="email" autocomplete="email"></label>
<button type="submit" name="user_role" value="api">OpenEMR Login</button>
<button type="submit" name="user_role" value="portal-api">Patient Login</button>
</form></main></body></html>`;
}

function redirectWith(reply: FastifyReply, uri: string, params: Record<string, string | undefined>): FastifyReply {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return reply.redirect(u.toString(), 302);
}

export function registerAuthorize(app: FastifyInstance, sim: Sim, codes: AuthCodes): void {
  const start = async (q: Record<string, string | undefined>, reply: FastifyReply) => {
    const client = sim.clients.get(q.client_id ?? '');
    if (!client) return sendOauthError(reply, 401, 'invalid_client');
    const redirectUri = q.redirect_uri ?? client.redirectUris[0] ?? '';
    if (!client.redirectUris.includes(redirectUri)) return sendOauthError(reply, 401, 'invalid_client');
    if (q.response_type !== 'code') return redirectWith(reply, redirectUri, { error: 'unsupported_response_type', state: q.state });
    if (!q.code_challenge || q.code_challenge_method !== 'S256') {
      return redirectWith(reply, redirectUri, { error: 'invalid_request', error_description: 'Code challenge method must be S256', state: q.state });
    }
    const requested = splitScopes(q.scope);
    const bad = firstUnknownScope(requested);
    if (bad) return redirectWith(reply, redirectUri, { error: 'invalid_scope', hint: `Check the \`${bad}\` scope`, state: q.state });
    const id = codes.begin({
      clientId: client.id, redirectUri, scopes: requested.filter((s) => client.scopes.includes(s)), codeChallenge: q.code_challenge,
      ...(q.state !== undefined ? { state: q.state } : {}), ...(q.nonce !== undefined ? { nonce: q.nonce } : {}),
    });
    return reply.type('text/html; charset=utf-8').send(loginPage(id));
  };
  app.get('/oauth2/:site/authorize', (req, reply) => start(req.query as Record<string, string>, reply));
  app.post('/oauth2/:site/authorize', (req, reply) => start((req.body ?? {}) as Record<string, string>, reply));

  app.post('/oauth2/:site/login', async (req, reply) => {
    const f = (req.body ?? {}) as Record<string, string | undefined>;
    const pending = codes.pendingFor(f.auth_request ?? '');
    if (!pending) return reply.code(400).type('text/html; charset=utf-8').send('<p>Authorization request expired. Start again.</p>');
    let grant: Grant | undefined;
    if (f.user_role === 'portal-api') {
      const p = sim.db.patients.find((x) => x.portal?.username === f.username && x.portal?.password === f.password && x.email === f.email);
      if (p) grant = { clientId: pending.clientId, sub: p.uuid, role: 'patient', scopes: pending.scopes, patientUuid: p.uuid };
    } else {
      const u = sim.db.users.find((x) => x.active && x.username !== '' && x.username === f.username && x.password === f.password);
      if (u) grant = { clientId: pending.clientId, sub: u.uuid, role: 'users', scopes: pending.scopes };
    }
    if (!grant) return reply.type('text/html; charset=utf-8').send(loginPage(f.auth_request ?? '', 'Invalid username or password'));
    if (pending.nonce) grant.nonce = pending.nonce;
    const issued = codes.issue(f.auth_request ?? '', grant);
    if (!issued) return reply.code(400).send();
    return redirectWith(reply, issued.p.redirectUri, { code: issued.code, state: issued.p.state });
  });
}
