import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { sha256 } from '../../platform/crypto';
import type { AccountsRepo, AccountRow } from '../accounts/repo';
import { hashPassword, normalizeEmail, normalizePassword } from '../accounts/service';
import type { SessionsRepo } from './repo';
import { accountKey, unknownEmailKey, type ThrottleService } from './throttle';

export interface SessionContext {
  idHash: string;
  account: AccountRow;
  idleExpiresAt: Date;
}

// Touch the session row at most this often; idle expiry is still checked on every request.
const TOUCH_EVERY_MS = 30_000;

export function authService(deps: { accounts: AccountsRepo; sessions: SessionsRepo; throttle?: ThrottleService; idleMs: number; absoluteMs: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  // Verifying against a real hash for unknown emails keeps timing the same, so answers don't reveal accounts.
  const dummyHash = hashPassword(randomBytes(16).toString('hex'));
  let verifications = 0;

  return {
    /**
     * Returns a new session token, or null for every kind of failure (one answer, no enumeration). Throws
     * SignInRefused (429) when throttled or locked (AUTH-07): then the password is not evaluated at all, and unknown
     * emails are throttled exactly like accounts.
     */
    async signIn(email: string, password: string, meta: { userAgent: string | null; ip: string | null }): Promise<{ token: string; account: AccountRow } | null> {
      const normalized = normalizeEmail(email);
      const account = await deps.accounts.byEmail(normalized);
      const key = account ? accountKey(account.id) : unknownEmailKey(normalized);
      await deps.throttle?.claim(key, meta.ip);
      const hash = account?.passwordHash ?? (await dummyHash);
      verifications++;
      const ok = await argon2.verify(hash, normalizePassword(password)).catch(() => false);
      if (!account || !ok || account.status !== 'active') return null;
      await deps.throttle?.succeeded(key, meta.ip);
      const token = randomBytes(32).toString('base64url');
      await deps.sessions.insert({
        idHash: sha256(token),
        accountId: account.id,
        absoluteExpiresAt: new Date(now().getTime() + deps.absoluteMs),
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
        ip: meta.ip,
      });
      return { token, account };
    },

    /** Server-side checks on every request: revoked, idle timeout, absolute limit, account still active. */
    async resolve(token: string | undefined): Promise<SessionContext | null> {
      if (!token || token.length > 100) return null;
      const idHash = sha256(token);
      const session = await deps.sessions.find(idHash);
      if (!session) return null;
      const t = now();
      const idleExpiresAt = new Date(session.lastSeenAt.getTime() + deps.idleMs);
      if (t >= idleExpiresAt || t >= session.absoluteExpiresAt) {
        await deps.sessions.revoke(idHash);
        return null;
      }
      const account = await deps.accounts.byId(session.accountId);
      if (!account || account.status !== 'active') return null;
      const stale = t.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS;
      if (stale) await deps.sessions.touch(idHash, t);
      const seen = stale ? t : session.lastSeenAt;
      const idle = new Date(Math.min(seen.getTime() + deps.idleMs, session.absoluteExpiresAt.getTime()));
      return { idHash, account, idleExpiresAt: idle };
    },

    signOut: (idHash: string) => deps.sessions.revoke(idHash),

    /** Explicit activity (SESS-05 "stay signed in"): last_seen_at = now; returns the new idle expiry. */
    async keepAlive(idHash: string): Promise<Date> {
      const session = await deps.sessions.find(idHash);
      const t = now();
      await deps.sessions.touch(idHash, t);
      const cap = session?.absoluteExpiresAt.getTime() ?? Infinity;
      return new Date(Math.min(t.getTime() + deps.idleMs, cap));
    },

    idleMs: deps.idleMs,
    now,

    /** How many passwords this process has evaluated (argon2 verifications), for tests and metrics. */
    passwordVerifications: () => verifications,
  };
}
export type AuthService = ReturnType<typeof authService>;
