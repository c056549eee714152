import { randomUUID } from 'node:crypto';
import type { AccountRow } from '../accounts/repo';
import { normalizeEmail } from '../accounts/service';
import type { AuditRepo, AuditRow, VerifyResult } from './repo';

export const AUDIT_ACTIONS = [
  'create', 'read', 'update', 'delete', 'query', 'export', 'print', 'download', 'message_send', 'login', 'login_fail', 'logout',
  'mfa_ok', 'mfa_fail', 'authz_denied', 'consent_change', 'proxy_grant', 'proxy_revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type ActorKind = 'patient' | 'proxy' | 'staff' | 'system';
export type AuditOutcome = 'success' | 'denied' | 'error';

/** One event as callers describe it; ids, categories and codes only, never content. */
export interface AuditEvent {
  actorUserId: string | null;
  actorKind: ActorKind;
  actingForPatientId?: string | null;
  proxyRelationshipId?: string | null;
  subjectPatientId: string | null;
  action: AuditAction;
  /** A category such as "lab-results", "medications", "document". */
  resourceType: string | null;
  resourceId?: string | null;
  outcome: AuditOutcome;
  reasonCode?: string | null;
  sourceIp?: string | null;
  userAgent?: string | null;
  sessionIdHash?: string | null;
  requestId?: string | null;
}

export class AuditUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the audit trail could not be written', { cause });
  }
}

export const MIN_RETENTION_DAYS = 2190;
const DAY_MS = 86_400_000;

// Free text from the client never reaches the trail as-is: control characters (CR, LF, ESC...) are dropped and the
// length is capped, so a crafted user agent cannot forge lines in any sink the rows are exported to.
const clean = (s: string | null | undefined, max: number): string | null => {
  if (s === null || s === undefined) return null;
  const out = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '').slice(0, max);
  return out === '' ? null : out;
};
const code = (s: string | null | undefined): string | null => (s ? clean(s.replace(/[^A-Za-z0-9_.:/-]/g, '_'), 128) : null);

export function auditService(deps: { repo: AuditRepo; retentionDays: number; accountByEmail?: (email: string) => Promise<AccountRow | undefined>; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /** Appends one row; throws AuditUnavailableError when it cannot, so callers can refuse to answer (AUD-05). */
    async record(e: AuditEvent): Promise<AuditRow> {
      if (!AUDIT_ACTIONS.includes(e.action)) throw new Error(`unknown audit action ${String(e.action)}`);
      try {
        return await deps.repo.append({
          eventId: randomUUID(),
          tsUtc: now(),
          actorUserId: code(e.actorUserId),
          actorKind: e.actorKind,
          actingForPatientId: code(e.actingForPatientId),
          proxyRelationshipId: code(e.proxyRelationshipId),
          subjectPatientId: code(e.subjectPatientId),
          action: e.action,
          resourceType: code(e.resourceType),
          resourceId: code(e.resourceId),
          outcome: e.outcome,
          reasonCode: code(e.reasonCode),
          sourceIp: code(e.sourceIp),
          userAgent: clean(e.userAgent, 256),
          sessionIdHash: code(e.sessionIdHash),
          requestId: code(e.requestId),
        });
      } catch (err) {
        throw new AuditUnavailableError(err);
      }
    },

    verify: (): Promise<VerifyResult> => deps.repo.verify(),

    /** Applies retention: rows older than `retentionDays` go; younger rows are never touched. */
    async purge(opts: { retentionDays?: number; now?: Date } = {}): Promise<{ purged: number; throughSeq: number | null; cutoff: Date }> {
      const days = opts.retentionDays ?? deps.retentionDays;
      if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS) throw new Error(`audit retention must be at least ${MIN_RETENTION_DAYS} days`);
      const cutoff = new Date((opts.now ?? now()).getTime() - days * DAY_MS);
      return { ...(await deps.repo.purgeBefore(cutoff)), cutoff };
    },

    /** The account a sign-in email names, so a failed sign-in can be attributed (the HTTP answer never says). */
    accountForEmail: async (email: string): Promise<AccountRow | undefined> => deps.accountByEmail?.(normalizeEmail(email)),

    accessLog: (subjectPatientId: string, opts: { before?: number; limit: number }) => deps.repo.forSubject(subjectPatientId, opts),
  };
}
export type AuditService = ReturnType<typeof auditService>;
