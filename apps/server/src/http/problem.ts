import type { FastifyReply } from 'fastify';

const BASE = 'https://portico.dev/problems/';

/** An error that leaves the API as RFC 9457 problem+json with a stable type. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(title);
  }
}

export const problems = {
  unauthenticated: () => new HttpProblem(401, 'unauthenticated', 'Sign in to continue'),
  signInFailed: () => new HttpProblem(401, 'sign-in-failed', 'Email or password is incorrect', 'Check both and try again.'),
  forbidden: () => new HttpProblem(403, 'forbidden', 'You do not have access to this'),
  csrf: () => new HttpProblem(403, 'csrf', 'Request refused', 'Send JSON, or the x-portico-csrf header.'),
  crossOrigin: () => new HttpProblem(403, 'cross-origin', 'Request refused', 'The request came from another site.'),
  notFound: (what = 'Resource') => new HttpProblem(404, 'not-found', `${what} not found`),
  ehrUnavailable: () => new HttpProblem(503, 'ehr-unavailable', 'Your health record is temporarily unavailable', 'Please try again in a moment.'),
};

export function sendProblem(reply: FastifyReply, p: HttpProblem, instance?: string): FastifyReply {
  return reply
    .status(p.status)
    .type('application/problem+json')
    .send({ type: BASE + p.slug, title: p.title, status: p.status, detail: p.detail, instance, errors: p.errors });
}
