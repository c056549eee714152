import { eq, sql } from 'drizzle-orm';
import type { TokenSet, TokenStore } from '@portico/openemr';
import type { Sealing } from './crypto';
import type { Db } from './db/client';
import { openemrTokens } from './db/schema';

const ROW = 'service';
const AAD = 'openemr-tokens';

/**
 * The service account's OAuth tokens live in Postgres, sealed. Refresh takes a row lock (SELECT ... FOR UPDATE)
 * so exactly one Portico instance refreshes at a time: OpenEMR revokes the old access token on refresh.
 */
export function dbTokenStore(db: Db, sealer: Sealing): TokenStore {
  const decode = async (sealed: string): Promise<TokenSet> => JSON.parse((await sealer.open(sealed, AAD)).toString('utf8')) as TokenSet;
  const encode = (t: TokenSet): Promise<string> => Promise.resolve(sealer.seal(JSON.stringify(t), AAD));

  async function upsert(exec: Db, tokens: TokenSet): Promise<void> {
    const sealed = await encode(tokens);
    await exec
      .insert(openemrTokens)
      .values({ id: ROW, sealed })
      .onConflictDoUpdate({ target: openemrTokens.id, set: { sealed, version: sql`${openemrTokens.version} + 1`, updatedAt: new Date() } });
  }

  return {
    async load() {
      const [row] = await db.select().from(openemrTokens).where(eq(openemrTokens.id, ROW));
      if (!row) return null;
      try {
        return await decode(row.sealed);
      } catch {
        return null; // sealed under a key we no longer hold: obtain new tokens
      }
    },
    save: (tokens) => upsert(db, tokens),
    async refreshExclusive(fn) {
      return db.transaction(async (tx) => {
        // Make sure a row exists to lock, then lock it for the duration of the refresh.
        await tx.insert(openemrTokens).values({ id: ROW, sealed: '' }).onConflictDoNothing();
        const result = await tx.execute(sql`select sealed from openemr_tokens where id = ${ROW} for update`);
        const rows = (result as unknown as { rows: { sealed: string }[] }).rows;
        const sealed = rows[0]?.sealed ?? '';
        let current: TokenSet | null = null;
        try {
          current = sealed ? await decode(sealed) : null;
        } catch {
          current = null;
        }
        const next = await fn(current);
        await upsert(tx as unknown as Db, next);
        return next;
      });
    },
  };
}

export async function clearTokens(db: Db): Promise<void> {
  await db.delete(openemrTokens).where(eq(openemrTokens.id, ROW));
}

/**
 * keys:reencrypt: re-seals the stored tokens under the active data key (under the refresh lock, so no instance
 * writes in between). Returns the data key ids stored values still name (none once re-sealed).
 */
export async function resealTokens(db: Db, sealer: Sealing): Promise<string[]> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`select sealed from openemr_tokens where id = ${ROW} for update`);
    const sealed = (result as unknown as { rows: { sealed: string }[] }).rows[0]?.sealed;
    if (!sealed) return [];
    const plain = await (async () => sealer.open(sealed, AAD))().catch(() => undefined);
    // Not opened: leave it, and keep the key it names (load() reports it absent; a new sign-in replaces it).
    if (!plain) return sealed.startsWith('v2.') ? [sealed.split('.')[1]!] : [];
    const next = await sealer.seal(plain, AAD);
    await tx.update(openemrTokens).set({ sealed: next, version: sql`${openemrTokens.version} + 1`, updatedAt: new Date() }).where(eq(openemrTokens.id, ROW));
    return [];
  });
}
