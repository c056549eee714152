import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../../testing/harness';
import { openDatabase } from './client';

describe.runIf(process.env.PORTICO_TEST_DB === 'postgres')('PostgreSQL connections', () => {
  it('survive the server cutting idle connections (restart, failover): no crash, the next query reconnects', async () => {
    const fresh = await freshPostgresDatabase();
    const errors: string[] = [];
    const database = await openDatabase({ url: fresh.url, onIdleError: (err) => errors.push(err.message) });
    try {
      await database.db.execute(sql`select 1`);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [new URL(fresh.url).pathname.slice(1)]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      expect(errors.length).toBeGreaterThan(0);
      const res = await database.db.execute(sql`select 2 as two`);
      expect((res as unknown as { rows: { two: number }[] }).rows[0]?.two).toBe(2);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
