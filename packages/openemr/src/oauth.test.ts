import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenEmrOAuthError } from './errors';
import { SERVICE_SCOPES, buildAuthorizationRequest, exchangeAuthorizationCode, passwordGrant, refresh, registerClient } from './oauth';
import { replay, startTestServer, type TestServer } from './test-support/recordings';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

describe('oauth', () => {
  it('registers a client with JSON', async () => {
    let contentType = '';
    let sent: Record<string, unknown> = {};
    server.route('POST', '/oauth2/default/registration', (req, res, url) => {
      contentType = req.headers['content-type'] ?? '';
      sent = JSON.parse(req.body) as Record<string, unknown>;
      return replay('oauth-registration', () => server.url)(req, res, url);
    });
    const c = await registerClient(server.url, 'default', { application_type: 'private', redirect_uris: ['http://x/cb'], scope: SERVICE_SCOPES });
    expect(contentType).toBe('application/json');
    expect(sent.scope).toBe(SERVICE_SCOPES.join(' ')); // an array is joined: OpenEMR wants one string
    expect(c.client_id).toBe('hNlIb2WRofL5K36qktlSaV98u-2eRYMB1-7HGoFI0l4');
  });

  it('registration errors are typed', async () => {
    server.route('POST', '/oauth2/default/registration', replay('oauth-registration-error', () => server.url));
    await expect(registerClient(server.url, 'default', {})).rejects.toMatchObject({ error: 'invalid_scope' });
  });

  it('password grant (recorded) and its errors', async () => {
    let form = new URLSearchParams();
    server.route('POST', '/oauth2/default/token', (req, res, url) => {
      form = new URLSearchParams(req.body);
      return replay(form.get('password') === 'pass' ? 'oauth-token-password-user' : 'oauth-token-error-invalid-grant', () => server.url)(req, res, url);
    });
    const t = await passwordGrant({ baseUrl: server.url, site: 'default', clientId: 'c', clientSecret: 's', username: 'admin', password: 'pass' });
    expect(form.get('user_role')).toBe('users');
    expect(form.get('grant_type')).toBe('password');
    expect(t.refreshToken).toBeTruthy();
    expect(t.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
    await expect(passwordGrant({ baseUrl: server.url, site: 'default', clientId: 'c', username: 'admin', password: 'nope' })).rejects.toBeInstanceOf(OpenEmrOAuthError);
  });

  it('refresh (recorded) and code exchange send the right grant', async () => {
    const grants: string[] = [];
    server.route('POST', '/oauth2/default/token', (req, res, url) => {
      const f = new URLSearchParams(req.body);
      grants.push(`${f.get('grant_type')}:${f.get('refresh_token') ?? f.get('code_verifier')}`);
      return replay('oauth-token-refresh', () => server.url)(req, res, url);
    });
    await refresh({ baseUrl: server.url, site: 'default', clientId: 'c', refreshToken: 'r1' });
    await exchangeAuthorizationCode({ baseUrl: server.url, site: 'default', clientId: 'c', code: 'abc', redirectUri: 'http://x/cb', codeVerifier: 'v' });
    expect(grants).toEqual(['refresh_token:r1', 'authorization_code:v']);
  });

  it('builds a PKCE S256 authorization request', () => {
    const r = buildAuthorizationRequest({ baseUrl: 'https://emr.example.org/openemr', site: 'default', clientId: 'c', redirectUri: 'https://portal/cb', scope: 'openid', aud: 'https://emr.example.org/openemr/apis/default/fhir' });
    const u = new URL(r.url);
    expect(u.pathname).toBe('/openemr/oauth2/default/authorize');
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('code_challenge')).toBe(createHash('sha256').update(r.codeVerifier).digest('base64url'));
    expect(u.searchParams.get('state')).toBe(r.state);
    expect(r.codeVerifier.length).toBeGreaterThanOrEqual(43);
    expect(new URL(buildAuthorizationRequest({ baseUrl: 'https://e', site: 'default', clientId: 'c', redirectUri: 'https://p/cb', scope: ['openid', 'api:oemr'], aud: 'a' }).url).searchParams.get('scope')).toBe('openid api:oemr');
  });

  it('service scopes use the v1 grammar, no wildcards', () => {
    expect(SERVICE_SCOPES).toContain('api:oemr');
    expect(SERVICE_SCOPES).toContain('user/appointment.write');
    expect(SERVICE_SCOPES).toContain('user/DocumentReference.read');
    expect(SERVICE_SCOPES.some((s) => s.includes('*'))).toBe(false);
    expect(SERVICE_SCOPES.every((s) => /^(openid|offline_access|api:(oemr|fhir)|user\/[A-Za-z_]+\.(read|write))$/.test(s))).toBe(true);
  });
});
