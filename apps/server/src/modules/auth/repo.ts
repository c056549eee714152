import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { sessions } from '../../platform/db/schema';

export type SessionRow = typeof sessions.$inferSelect;

export function sessionsRepo(db: Db) {
  return {
    async insert(v: { idHash: string; accountId: string; absoluteExpiresAt: Date; userAgent: string | null; ip: string | null }): Promise<void> {
      await db.insert(sessions).values(v);
    },
    async find(idHash: string): Promise<SessionRow | undefined> {
      const [row] = await db.select().from(sessions).where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
      return row;
    },
    async touch(idHash: string, at: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
    },
    async revoke(idHash: string): Promise<void> {
      await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.idHash, idHash));
    },
    /** The account's sessions that are not revoked and not past either limit at `at` (SESS-08). */
    async listActive(accountId: string, at: Date, idleMs: number): Promise<SessionRow[]> {
      return db.select().from(sessions).where(and(
        eq(sessions.accountId, accountId), isNull(sessions.revokedAt),
        gt(sessions.lastSeenAt, new Date(at.getTime() - idleMs)), gt(sessions.absoluteExpiresAt, at),
      ));
    },
    /** Revokes one session only if it belongs to the account; true when a row changed. */
    async revokeOwned(accountId: string, idHash: string): Promise<boolean> {
      const rows = await db.update(sessions).set({ revokedAt: new Date() })
        .where(and(eq(sessions.idHash, idHash), eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
        .returning({ idHash: sessions.idHash });
      return rows.length > 0;
    },
    /** Revokes every live session of the account except `keepIdHash`; returns the revoked hashes. */
    async revokeOthers(accountId: string, keepIdHash: string): Promise<string[]> {
      const rows = await db.update(sessions).set({ revokedAt: new Date() })
        .where(and(eq(sessions.accountId, accountId), ne(sessions.idHash, keepIdHash), isNull(sessions.revokedAt)))
        .returning({ idHash: sessions.idHash });
      return rows.map((r) => r.idHash);
    },
  };
}
export type SessionsRepo = ReturnType<typeof sessionsRepo>;
