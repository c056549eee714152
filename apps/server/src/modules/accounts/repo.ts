import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { accounts } from '../../platform/db/schema';

export type AccountRow = typeof accounts.$inferSelect;

export function accountsRepo(db: Db) {
  return {
    async byEmail(email: string): Promise<AccountRow | undefined> {
      const [row] = await db.select().from(accounts).where(sql`lower(${accounts.email}) = lower(${email})`);
      return row;
    },
    async byId(id: string): Promise<AccountRow | undefined> {
      const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
      return row;
    },
    async insert(values: { email: string; passwordHash: string; patientUuid: string; patientPid: string }): Promise<AccountRow> {
      const [row] = await db
        .insert(accounts)
        .values({ email: values.email, passwordHash: values.passwordHash, openemrPatientUuid: values.patientUuid, openemrPatientPid: values.patientPid })
        .returning();
      return row!;
    },
    async update(id: string, values: Partial<Pick<AccountRow, 'passwordHash' | 'openemrPatientUuid' | 'openemrPatientPid' | 'status'>>): Promise<void> {
      await db.update(accounts).set({ ...values, updatedAt: new Date() }).where(eq(accounts.id, id));
    },
  };
}
export type AccountsRepo = ReturnType<typeof accountsRepo>;
