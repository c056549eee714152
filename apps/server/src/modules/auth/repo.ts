import { and, eq, isNull } from 'drizzle-orm';
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
  };
}
export type SessionsRepo = ReturnType<typeof sessionsRepo>;
