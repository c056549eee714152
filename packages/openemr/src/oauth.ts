import { createHash, randomBytes } from 'node:crypto';
import { OpenEmrOAuthError, OpenEmrProtocolError } from './errors';
import { HttpClient } from './http';
import type { TokenSet } from './types';

/**
 * What the service account asks for. v1 `.read`/`.write` suffixes: OpenEMR 7.0.2 only knows v1, and 7.0.4+ still
 * accepts them (API-NOTES §2.5). FHIR resources are PascalCase, standard-API resources lower snake case; there are
 * no wildcards. `api:` scopes are granted but left out of the token response's `scope` (quirk).
 */
export const SERVICE_SCOPES: readonly string[] = [
  'openid', 'offline_access', 'api:oemr', 'api:fhir',
  ...['Patient', 'Observation', 'DiagnosticReport', 'Condition', 'AllergyIntolerance', 'MedicationRequest', 'Immunization',
    'Encounter', 'Appointment', 'DocumentReference', 'Binary', 'Practitioner', 'Location', 'Organization'].map((r) => `user/${r}.read`),
  ...['patient', 'appointment', 'procedure', 'document', 'encounter', 'vital', 'medication', 'medical_problem', 'allergy']
    .map((r) => `user/${r}.read`),
  'user/appointment.write', 'user/message.write', 'user/document.write',
];

export interface OAuthEndpoint {
  baseUrl: string;
  site: string;
}

export interface ClientCredentials extends OAuthEndpoint {
  clientId: string;
  clientSecret?: string;
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  token_type?: string;
  id_token?: string;
  patient?: string;
}

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  registration_access_token?: string;
  registration_client_uri?: string;
  client_role?: string;
  scope?: string;
  [key: string]: unknown;
}

const oauthUrl = (e: OAuthEndpoint, path: string) => `${e.baseUrl.replace(/\/+$/, '')}/oauth2/${encodeURIComponent(e.site)}/${path}`;

/** RFC 7591 dynamic registration. Clients with user/ scopes come back disabled until an administrator enables them. */
export async function registerClient(baseUrl: string, site: string, metadata: Record<string, unknown>, http: HttpClient = new HttpClient()): Promise<RegisteredClient> {
  const endpoint: OAuthEndpoint = { baseUrl, site };
  // OpenEMR wants `scope` as one space-separated string; accept the SERVICE_SCOPES array as callers naturally pass it.
  if (Array.isArray(metadata.scope)) metadata = { ...metadata, scope: metadata.scope.join(' ') };
  const res = await http.send({
    method: 'POST', url: oauthUrl(endpoint, 'registration'), endpoint: 'POST oauth2/registration',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(metadata),
  });
  const body = parseOAuthBody(res.status, res.body, 'POST oauth2/registration');
  if (typeof body.client_id !== 'string') throw new OpenEmrProtocolError('registration answer has no client_id', 'POST oauth2/registration', res.status);
  return body as RegisteredClient;
}

export async function passwordGrant(
  p: ClientCredentials & { username: string; password: string; scope?: string },
  http: HttpClient = new HttpClient(),
): Promise<TokenSet> {
  return tokenRequest(http, p, {
    grant_type: 'password', user_role: 'users', username: p.username, password: p.password,
    scope: p.scope ?? SERVICE_SCOPES.join(' '),
  });
}

export async function refresh(p: ClientCredentials & { refreshToken: string }, http: HttpClient = new HttpClient()): Promise<TokenSet> {
  return tokenRequest(http, p, { grant_type: 'refresh_token', refresh_token: p.refreshToken });
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  codeVerifier: string;
}

/** Authorization code + PKCE. Only S256: OpenEMR rejects `plain` although its discovery document lists it. */
export function buildAuthorizationRequest(p: { baseUrl: string; site: string; clientId: string; redirectUri: string; scope: string | readonly string[]; aud: string }): AuthorizationRequest {
  const codeVerifier = randomBytes(48).toString('base64url');
  const state = randomBytes(24).toString('base64url');
  const challenge = createHash('sha256').update(codeVerifier).digest('base64url');
  const q = new URLSearchParams({
    response_type: 'code', client_id: p.clientId, redirect_uri: p.redirectUri, scope: typeof p.scope === 'string' ? p.scope : p.scope.join(' '), state, aud: p.aud,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  return { url: `${oauthUrl(p, 'authorize')}?${q.toString()}`, state, codeVerifier };
}

export async function exchangeAuthorizationCode(
  p: ClientCredentials & { code: string; redirectUri: string; codeVerifier: string },
  http: HttpClient = new HttpClient(),
): Promise<TokenSet> {
  return tokenRequest(http, p, { grant_type: 'authorization_code', code: p.code, redirect_uri: p.redirectUri, code_verifier: p.codeVerifier });
}

async function tokenRequest(http: HttpClient, client: ClientCredentials, fields: Record<string, string>): Promise<TokenSet> {
  const form = new URLSearchParams({ ...fields, client_id: client.clientId });
  if (client.clientSecret) form.set('client_secret', client.clientSecret);
  const endpoint = `POST oauth2/token`;
  const res = await http.send({
    method: 'POST', url: oauthUrl(client, 'token'), endpoint,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  const body = parseOAuthBody(res.status, res.body, endpoint) as Partial<TokenResponse>;
  if (typeof body.access_token !== 'string') throw new OpenEmrProtocolError('token answer has no access_token', endpoint, res.status);
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
    expiresAt: Date.now() + (typeof body.expires_in === 'number' ? body.expires_in : 3600) * 1000,
    scope: typeof body.scope === 'string' ? body.scope : fields.scope ?? '',
  };
}

function parseOAuthBody(status: number, raw: Buffer, endpoint: string): Record<string, unknown> {
  let body: unknown = null;
  try {
    body = raw.length ? JSON.parse(raw.toString('utf8')) : null;
  } catch {
    throw new OpenEmrProtocolError(`non-JSON answer from ${endpoint}`, endpoint, status);
  }
  const obj = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (status >= 400 || (obj && typeof obj.error === 'string' && !('access_token' in obj) && !('client_id' in obj))) {
    const error = typeof obj?.error === 'string' ? obj.error : `http_${status}`;
    const desc = typeof obj?.hint === 'string' && obj.hint ? obj.hint : typeof obj?.error_description === 'string' ? obj.error_description : null;
    throw new OpenEmrOAuthError(error, desc, endpoint, status);
  }
  if (!obj) throw new OpenEmrProtocolError(`unexpected answer from ${endpoint}`, endpoint, status);
  return obj;
}
