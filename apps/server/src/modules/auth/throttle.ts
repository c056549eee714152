import { isIP as netIsIP } from 'node:net';
import { eq, inArray, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client';
import { authThrottle } from '../../platform/db/schema';
import { HttpProblem } from '../../http/problem';
import { sha256 } from '../../platform/crypto';

/**
 * Sign-in throttling (AUTH-07), counters in PostgreSQL (`auth_throttle`), never per cookie or session:
 * - per account (`acct:<id>`, or `email:<sha256>` for an unknown email, so both behave the same): the first
 *   `freeFailures` consecutive failures cost nothing, then each failure makes the next attempt wait
 *   base·2^(n−free) (capped); after `accountCap` consecutive failures every attempt is refused, without evaluating
 *   the password, until an unlock.
 * - per client IP (`ip:<ip>`, IPv6 by /64): at most `ipMaxFailures` failures per window, then refused for a window.
 * An attempt is counted as a failure *before* the password is checked (one atomic statement that also enforces
 * the wait and the cap), so concurrent attempts cannot slip past; success deletes the account's and the IP's rows.
 */
export interface ThrottleSettings {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  accountCap: number;
  ipMaxFailures: number;
  ipWindowMs: number;
}

export class SignInRefused extends HttpProblem {
  constructor(readonly retryAfterSeconds: number | null) {
    super(
      429,
      retryAfterSeconds === null ? 'sign-in-locked' : 'sign-in-throttled',
      retryAfterSeconds === null ? 'Sign-in is locked' : 'Too many attempts',
      retryAfterSeconds === null
        ? 'There were too many failed attempts. Contact the clinic to unlock sign-in.'
        : `Wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} and try again.`,
    );
  }
}

export const accountKey = (accountId: string): string => `acct:${accountId}`;
/** The key of an email with no account; the email must be normalised (trimmed, lower case). */
export const unknownEmailKey = (normalizedEmail: string): string => `email:${sha256(normalizedEmail)}`;

/** `ip:<addr>`; IPv4-mapped IPv6 as IPv4; other IPv6 by its /64, which one host usually controls whole. */
export function ipKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return `ip:${mapped[1]}`;
  if (netIsIP(ip) !== 6) return `ip:${ip}`;
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return `ip:${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export function throttleService(db: Db, settings: ThrottleSettings, now: () => Date = () => new Date()) {
  const s = settings;

  /** Counts one IP attempt unless the IP is blocked; true when allowed. */
  async function claimIp(key: string, t: Date): Promise<boolean> {
    const windowStart = new Date(t.getTime() - s.ipWindowMs);
    const next = sql`case when ${authThrottle.lastFailureAt} < ${ts(windowStart)} then 1 else ${authThrottle.failures} + 1 end`;
    const rows = await db
      .insert(authThrottle)
      .values({ key, failures: 1, lastFailureAt: t, lockedUntil: s.ipMaxFailures <= 1 ? new Date(t.getTime() + s.ipWindowMs) : null })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: next,
          lastFailureAt: t,
          lockedUntil: sql`case when ${next} >= ${s.ipMaxFailures}::int then ${ts(new Date(t.getTime() + s.ipWindowMs))} else null end`,
        },
        setWhere: sql`${authThrottle.lockedUntil} is null or ${authThrottle.lockedUntil} <= ${ts(t)}`,
      })
      .returning({ failures: authThrottle.failures });
    return rows.length > 0;
  }

  /** Counts one account attempt unless it must wait or is locked; true when allowed. */
  async function claimAccount(key: string, t: Date): Promise<boolean> {
    // The wait after n failures: none below `freeFailures`, then base·2^(n−free), capped.
    const next = sql`(${authThrottle.failures} + 1)`;
    const delayMs = sql`least(${s.maxDelayMs}::float8, ${s.baseDelayMs}::float8 * power(2::float8, least(${next} - ${s.freeFailures}::int, 40)))`;
    const rows = await db
      .insert(authThrottle)
      .values({ key, failures: 1, lastFailureAt: t, lockedUntil: s.freeFailures <= 1 ? new Date(t.getTime() + s.baseDelayMs) : null })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: next,
          lastFailureAt: t,
          lockedUntil: sql`case when ${next} >= ${s.freeFailures}::int then ${ts(t)} + ${delayMs} * interval '1 millisecond' else null end`,
        },
        setWhere: sql`${authThrottle.failures} < ${s.accountCap}::int and (${authThrottle.lockedUntil} is null or ${authThrottle.lockedUntil} <= ${ts(t)})`,
      })
      .returning({ failures: authThrottle.failures });
    return rows.length > 0;
  }

  async function refusal(key: string, t: Date, capped: boolean): Promise<SignInRefused> {
    const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, key));
    if (capped && row && row.failures >= s.accountCap) return new SignInRefused(null);
    const waitMs = row?.lockedUntil ? row.lockedUntil.getTime() - t.getTime() : 1000;
    return new SignInRefused(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  return {
    settings: s,
    /**
     * Call before evaluating a password: counts the attempt as a failure for the IP and the account, or throws
     * SignInRefused (429) when either must wait or is locked: then the password must not be evaluated.
     */
    async claim(subjectKey: string, ip: string | null): Promise<void> {
      const t = now();
      const ipK = ip ? ipKey(ip) : null;
      if (ipK && !(await claimIp(ipK, t))) throw await refusal(ipK, t, false);
      if (!(await claimAccount(subjectKey, t))) throw await refusal(subjectKey, t, true);
    },
    /** After a successful sign-in: forget the account's and this IP's failures. */
    async succeeded(subjectKey: string, ip: string | null): Promise<void> {
      await db.delete(authThrottle).where(inArray(authThrottle.key, ip ? [subjectKey, ipKey(ip)] : [subjectKey]));
    },
    /** Admin unlock: clears the account's counter (and the unknown-email one for that address). */
    async unlock(keys: string[]): Promise<number> {
      const rows = await db.delete(authThrottle).where(inArray(authThrottle.key, keys)).returning({ key: authThrottle.key });
      return rows.length;
    },
  };
}
export type ThrottleService = ReturnType<typeof throttleService>;

/** For `signIn(...).catch(withRetryAfter(reply))`: a refusal leaves with Retry-After and no-store, then as problem+json. */
export const withRetryAfter = (reply: FastifyReply) => (err: unknown): never => {
  if (err instanceof SignInRefused) {
    reply.header('cache-control', 'no-store');
    if (err.retryAfterSeconds !== null) reply.header('retry-after', String(err.retryAfterSeconds));
  }
  throw err;
};
