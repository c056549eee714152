import type { FastifyRequest } from 'fastify';
import { OpenEmrError, OpenEmrNotFoundError } from '@portico/openemr';
import type { AppDeps } from '../../app-deps';
import { HttpProblem } from '../../http/problem';
import type { AccountRow } from '../accounts/repo';
import { AuditUnavailableError, type AuditAction, type AuditEvent } from './service';

export const auditUnavailable = () =>
  new HttpProblem(503, 'audit-unavailable', 'Your health record is temporarily unavailable', 'Please try again in a moment.');

/** Where the request came from: the socket's address (no proxy is trusted), the agent, the session's hash, never the token. */
export function requestMeta(req: FastifyRequest): Pick<AuditEvent, 'sourceIp' | 'userAgent' | 'sessionIdHash' | 'requestId'> {
  return { sourceIp: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null, sessionIdHash: req.session?.idHash ?? null, requestId: req.id };
}

export function accountActor(account: Pick<AccountRow, 'id' | 'openemrPatientUuid'>) {
  // A patient signed in to their own account acts for, and reads about, themselves. Proxies will differ here.
  return { actorUserId: account.id, actorKind: 'patient' as const, actingForPatientId: account.openemrPatientUuid, subjectPatientId: account.openemrPatientUuid };
}

function failureCode(err: unknown): string {
  if (err instanceof HttpProblem) return err.slug;
  if (err instanceof OpenEmrNotFoundError) return 'not-found';
  if (err instanceof OpenEmrError) return 'ehr-unavailable';
  return 'internal';
}

/**
 * Runs a health-data read and writes its one audit row before anything is sent. No audit, no access (AUD-05):
 * when the row cannot be written the caller gets 503 and the data is dropped. Failed reads are recorded as
 * errors and the original error is passed on.
 */
export async function audited<T>(
  req: FastifyRequest,
  deps: Pick<AppDeps, 'audit'>,
  what: { action?: AuditAction; category: string; resourceId?: string | null },
  work: () => Promise<T>,
): Promise<T> {
  if (!req.session) throw new HttpProblem(401, 'unauthenticated', 'Sign in to continue');
  const base = { ...accountActor(req.session.account), ...requestMeta(req), action: what.action ?? 'read', resourceType: what.category, resourceId: what.resourceId ?? null };
  let result: T;
  try {
    result = await work();
  } catch (err) {
    const outcome = err instanceof HttpProblem && (err.status === 401 || err.status === 403) ? 'denied' : 'error';
    await deps.audit.record({ ...base, outcome, reasonCode: failureCode(err) }).catch((auditErr: Error) => req.log.error({ err: auditErr.message }, 'audit write failed'));
    throw err;
  }
  try {
    await deps.audit.record({ ...base, outcome: 'success' });
  } catch (err) {
    req.log.error({ err: (err as Error).message }, 'audit write failed; refusing to send health data');
    throw auditUnavailable();
  }
  return result;
}

/** Sign-in outcome: `login` for the account, or `login_fail` naming the account only when the email matched one. */
export async function auditSignIn(
  req: FastifyRequest,
  deps: Pick<AppDeps, 'audit'>,
  email: string,
  result: { account: AccountRow } | null,
  refusedAs?: string,
): Promise<void> {
  const meta = requestMeta(req);
  const write = async (): Promise<void> => {
    if (result) {
      // The new session's hash is not on the request yet; the login row is tied to it by request id and time.
      await deps.audit.record({ ...accountActor(result.account), ...meta, action: 'login', resourceType: 'session', outcome: 'success' });
      return;
    }
    const known = await deps.audit.accountForEmail(email).catch(() => undefined);
    await deps.audit.record({
      ...(known ? accountActor(known) : { actorUserId: null, actorKind: 'patient', subjectPatientId: null }),
      ...meta, action: 'login_fail', resourceType: 'session', outcome: 'denied', reasonCode: refusedAs ?? (known ? 'bad-credentials' : 'unknown-account'),
    });
  };
  try {
    await write();
  } catch (err) {
    if (!(err instanceof AuditUnavailableError)) throw err;
    req.log.error({ err: err.message }, 'audit write failed for sign-in');
    // Without its audit row a successful sign-in is not handed out; failures answer as before.
    if (result) throw auditUnavailable();
  }
}

/** Sign-out is recorded best effort: a session must always be endable, even while the audit store is down. */
export async function auditSignOut(req: FastifyRequest, deps: Pick<AppDeps, 'audit'>): Promise<void> {
  if (!req.session) return;
  await deps.audit
    .record({ ...accountActor(req.session.account), ...requestMeta(req), action: 'logout', resourceType: 'session', outcome: 'success' })
    .catch((err: Error) => req.log.error({ err: err.message }, 'audit write failed for sign-out'));
}

/** A request without a valid session reached a patient route. Recorded best effort (nothing is disclosed). */
export async function auditDenied(req: FastifyRequest, deps: Pick<AppDeps, 'audit'>, reasonCode: string): Promise<void> {
  await deps.audit
    .record({ actorUserId: null, actorKind: 'patient', subjectPatientId: null, ...requestMeta(req), action: 'authz_denied', resourceType: 'route', resourceId: req.routeOptions.url ?? null, outcome: 'denied', reasonCode })
    .catch((err: Error) => req.log.error({ err: err.message }, 'audit write failed for a denial'));
}
