import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { startSimulator, type RunningSimulator } from '../index';
import { FARRAH_PORTAL_PASSWORD } from '../seed';
import { bearer, passwordGrant, PATIENT_SCOPES, USER_SCOPES, userToken } from '../test-support/client';

describe('OAuth2', () => {
  let sim: RunningSimulator;
  beforeAll(async () => { sim = await startSimulator({ anchorDate: '2026-12-03' }); });
  afterAll(() => sim.close());

  it('password grant for a user returns RS256 tokens with OpenEMR claims and hides api: scopes', async () => {
    const { status, body } = await passwordGrant(sim, { user_role: 'users', username: 'admin', password: 'pass', scope: USER_SCOPES });
    expect(status).toBe(200);
    expect(body.expires_in).toBe(3600);
    expect(String(body.scope)).not.toContain('api:');
    expect(body.refresh_token).toBeTypeOf('string');
    const claims = decodeJwt(String(body.access_token));
    expect(claims.aud).toBe(sim.seed.clientId);
    expect(claims.sub).toBe('a35fb11a-2a10-4087-95f7-a030be4d6708');
    expect(claims.scopes).toContain('api:oemr');
  });

  it('password grant: no refresh token without offline_access; service account works', async () => {
    const { body } = await passwordGrant(sim, { user_role: 'users', username: 'portico-service', password: 'portico-service-pass', scope: 'openid api:oemr user/patient.read' });
    expect(body.access_token).toBeTypeOf('string');
    expect(body.refresh_token).toBeUndefined();
  });

  it('password grant errors: wrong password, unknown client, missing email, bad scope, bad grant', async () => {
    expect((await passwordGrant(sim, { user_role: 'users', username: 'admin', password: 'nope', scope: USER_SCOPES })).body.error).toBe('invalid_grant');
    const bad = await fetch(`${sim.url}/oauth2/default/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'password', client_id: 'x', user_role: 'users', username: 'admin', password: 'pass' }) });
    expect(bad.status).toBe(401);
    const noEmail = await passwordGrant(sim, { user_role: 'patient', username: 'frolle', password: FARRAH_PORTAL_PASSWORD, scope: PATIENT_SCOPES });
    expect(noEmail.body.hint).toBe('Check the `email` parameter');
    expect((await passwordGrant(sim, { user_role: 'users', username: 'admin', password: 'pass', scope: 'openid user/Nope.read' })).body.error).toBe('invalid_scope');
    expect((await passwordGrant(sim, { grant_type: 'foo' })).body.error).toBe('unsupported_grant_type');
  });

  it('refresh rotates the refresh token and revokes the previous access token', async () => {
    const first = await userToken(sim);
    const res = await fetch(`${sim.url}/oauth2/default/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', client_id: sim.seed.clientId, refresh_token: first.refresh }) });
    const next = (await res.json()) as Record<string, string>;
    expect(next.refresh_token).not.toBe(first.refresh);
    const old = await fetch(`${sim.url}/apis/default/api/patient`, bearer(first.access));
    expect(old.status).toBe(401);
    expect(((await old.json()) as Record<string, string>).hint).toBe('Access token has been revoked');
    expect((await fetch(`${sim.url}/apis/default/api/patient`, bearer(String(next.access_token)))).status).toBe(200);
    const reuse = await fetch(`${sim.url}/oauth2/default/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', client_id: sim.seed.clientId, refresh_token: first.refresh }) });
    expect(reuse.status).toBe(400);
    const intro = async (token: string) => (await (await fetch(`${sim.url}/oauth2/default/introspect`, { method: 'POST', body: new URLSearchParams({ token, client_id: sim.seed.clientId }) })).json()) as Record<string, unknown>;
    expect(await intro(String(next.access_token))).toMatchObject({ active: true, status: 'active' });
    expect(await intro(first.access)).toMatchObject({ active: false, status: 'revoked' });
  });

  it('authorization code + PKCE through the HTML login page, single use', async () => {
    const reg = await fetch(`${sim.url}/oauth2/default/registration`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: ['http://127.0.0.1:9/cb'], client_name: 'pkce-test', scope: 'openid offline_access launch/patient api:fhir patient/Patient.read patient/Observation.read' }),
    });
    const client = (await reg.json()) as Record<string, string>;
    expect(client.client_secret).toBe('');
    expect(client.client_role).toBe('patient');
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const q = new URLSearchParams({ response_type: 'code', client_id: client.client_id ?? '', redirect_uri: 'http://127.0.0.1:9/cb', scope: 'openid launch/patient patient/Observation.read', state: 'xyz', code_challenge: challenge, code_challenge_method: 'S256' });
    const page = await (await fetch(`${sim.url}/oauth2/default/authorize?${q}`)).text();
    expect(page).toContain('Patient Login');
    const authRequest = /name="auth_request" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const login = await fetch(`${sim.url}/oauth2/default/login`, {
      method: 'POST', redirect: 'manual',
      body: new URLSearchParams({ auth_request: authRequest, username: 'frolle', password: FARRAH_PORTAL_PASSWORD, email: 'frolle@pennfirm.com', user_role: 'portal-api' }),
    });
    expect(login.status).toBe(302);
    const loc = new URL(login.headers.get('location') ?? '');
    expect(loc.searchParams.get('state')).toBe('xyz');
    const code = loc.searchParams.get('code') ?? '';
    const exchange = (v: string) => fetch(`${sim.url}/oauth2/default/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', client_id: client.client_id ?? '', code, code_verifier: v, redirect_uri: 'http://127.0.0.1:9/cb' }) });
    const ok = (await (await exchange(verifier)).json()) as Record<string, string>;
    expect(ok.patient).toBe('a35fb11a-2531-4527-8e52-cfeea92ac44f');
    expect((await fetch(`${sim.url}/apis/default/fhir/Patient`, bearer(ok.access_token ?? ''))).status).toBe(200);
    expect((await exchange(verifier)).status).toBe(400);
  });

  it('rejects plain PKCE and other sites', async () => {
    const q = new URLSearchParams({ response_type: 'code', client_id: sim.seed.clientId, redirect_uri: 'http://127.0.0.1:8399/callback', code_challenge: 'abc', code_challenge_method: 'plain' });
    const res = await fetch(`${sim.url}/oauth2/default/authorize?${q}`, { redirect: 'manual' });
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    expect((await fetch(`${sim.url}/oauth2/other/.well-known/openid-configuration`)).status).toBe(400);
    expect(((await (await fetch(`${sim.url}/oauth2/default/jwk`)).json()) as { keys: { alg: string }[] }).keys[0]?.alg).toBe('RS256');
  });
});
