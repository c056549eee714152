import type { FastifyReply } from 'fastify';

const DESCRIPTIONS: Record<string, string> = {
  invalid_client: 'Client authentication failed',
  invalid_grant: 'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed',
  invalid_request: 'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  access_denied: 'The resource owner or authorization server denied the request.',
  invalid_client_metadata: 'The value of one of the client metadata fields is invalid',
};

/** league/oauth2-server's error body: description repeated as message, hint only when there is one. */
export function oauthError(error: string, hint?: string): Record<string, string> {
  const d = DESCRIPTIONS[error] ?? error;
  return hint === undefined ? { error, error_description: d, message: d } : { error, error_description: d, hint, message: d };
}

export function sendOauthError(reply: FastifyReply, status: number, error: string, hint?: string): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send(oauthError(error, hint));
}
