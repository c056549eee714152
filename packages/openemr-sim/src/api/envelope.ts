import type { FastifyReply, FastifyRequest } from 'fastify';
import { baseUrl } from '../context';

/** links.first as OpenEMR builds it, leaking Apache's rewrite parameter into the URL. */
export function listLinks(req: FastifyRequest): { first: string } {
  const u = new URL(req.url, baseUrl(req));
  const rel = u.pathname.replace(/^\//, '').replace(/^apis\//, '');
  const params = new URLSearchParams();
  params.set('_REWRITE_COMMAND', rel);
  for (const [k, v] of u.searchParams) params.set(k, v);
  params.set('site', 'default');
  params.set('_offset', '0');
  params.set('_count', '0');
  return { first: `${u.origin}${u.pathname}?${params.toString()}` };
}

export function envelopeList(req: FastifyRequest, data: unknown[]): Record<string, unknown> {
  return { validationErrors: [], internalErrors: [], data, links: listLinks(req) };
}

export function envelopeOne(data: unknown): Record<string, unknown> {
  return { validationErrors: [], internalErrors: [], data, links: [] };
}

export function uuidNotFound(reply: FastifyReply, field: string, value: string): FastifyReply {
  return reply.code(400).send({ validationErrors: { [field]: { 'invalid or nonexisting value': ` value ${value}` } }, internalErrors: [], data: [], links: [] });
}

/** Raw-style endpoints answer an empty result with 404 and no body. */
export function rawOr404(reply: FastifyReply, data: unknown[] | Record<string, unknown> | undefined): FastifyReply {
  if (data === undefined || (Array.isArray(data) && data.length === 0)) return reply.code(404).send('');
  return reply.send(data);
}

export const requiredMsg = (field: string) => ({ 'Required::NON_EXISTENT_KEY': `${field} must be provided, but does not exist` });
export const tooShortMsg = (label: string, n: number) => ({ 'LengthBetween::TOO_SHORT': `${label} must be ${n} characters or longer` });
