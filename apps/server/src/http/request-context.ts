import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PatientLink } from '@portico/openemr';
import type { SessionContext } from '../modules/auth/service';
import { problems } from './problem';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionContext | null;
  }
}

/** The patient a request may read is the session's linked patient, and nothing the request says. */
export function sessionPatient(req: FastifyRequest): { session: SessionContext; link: PatientLink } {
  if (!req.session) throw problems.unauthenticated();
  const { account } = req.session;
  return { session: req.session, link: { uuid: account.openemrPatientUuid, pid: account.openemrPatientPid } };
}

export function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}
