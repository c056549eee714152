import { sha256 } from '../../platform/crypto';
import { and, asc, desc, eq, gt, gte, lt, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { auditAnchors, auditEvents } from '../../platform/db/schema';

export type AuditRow = typeof auditEvents.$inferSelect;
export type AuditFields = Omit<AuditRow, 'seq' | 'prevHash' | 'rowHash'>;

export const GENESIS_HASH = '0'.repeat(64);
/** One advisory lock for the whole trail: appends and purges from every connection and instance take turns. */
const CHAIN_LOCK = 0x50_4f_52_41; // "PORA"

/** The fields that are hashed, in a fixed order; changing this order breaks every existing chain. */
export function canonicalRow(seq: number, f: AuditFields): string {
  return JSON.stringify([
    seq, f.eventId, f.tsUtc.toISOString(), f.actorUserId, f.actorKind, f.actingForPatientId, f.proxyRelationshipId, f.subjectPatientId,
    f.action, f.resourceType, f.resourceId, f.outcome, f.reasonCode, f.sourceIp, f.userAgent, f.sessionIdHash, f.requestId,
  ]);
}

export const rowHash = (prevHash: string, seq: number, f: AuditFields): string =>
  sha256(prevHash + canonicalRow(seq, f));

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Exec = Db | Tx;

async function latestAnchor(db: Exec) {
  const [a] = await db.select().from(auditAnchors).orderBy(desc(auditAnchors.purgedThroughSeq)).limit(1);
  return a;
}

/** Where the chain continues from: the last row, else the last purge's anchor, else the genesis hash. */
async function chainHead(db: Exec): Promise<{ seq: number; hash: string }> {
  const [last] = await db.select({ seq: auditEvents.seq, rowHash: auditEvents.rowHash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  if (last) return { seq: last.seq, hash: last.rowHash };
  const anchor = await latestAnchor(db);
  return anchor ? { seq: anchor.purgedThroughSeq, hash: anchor.anchorHash } : { seq: 0, hash: GENESIS_HASH };
}

export type VerifyResult =
  | { ok: true; rows: number; fromSeq: number }
  | { ok: false; rows: number; seq: number; reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'seq-gap'; detail: string };

const BATCH = 1000;

export function auditRepo(db: Db) {
  const lock = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);

  async function verifyWith(exec: Exec): Promise<VerifyResult> {
    const anchor = await latestAnchor(exec);
    const fromSeq = (anchor?.purgedThroughSeq ?? 0) + 1;
    let expectedSeq = fromSeq;
    let expectedPrev = anchor?.anchorHash ?? GENESIS_HASH;
    let rows = 0;
    for (;;) {
      const batch = await exec.select().from(auditEvents).where(gte(auditEvents.seq, expectedSeq)).orderBy(asc(auditEvents.seq)).limit(BATCH);
      for (const r of batch) {
        // Seq is assigned under the chain lock as last + 1, so a hole means rows were removed.
        if (r.seq !== expectedSeq) return { ok: false, rows, seq: r.seq, reason: 'seq-gap', detail: `expected seq ${expectedSeq}: rows deleted` };
        if (r.prevHash !== expectedPrev) return { ok: false, rows, seq: r.seq, reason: 'prev-hash-mismatch', detail: 'does not follow the previous row: rows deleted or reordered' };
        if (rowHash(r.prevHash, r.seq, r) !== r.rowHash) return { ok: false, rows, seq: r.seq, reason: 'hash-mismatch', detail: 'row content does not match its hash: edited' };
        expectedPrev = r.rowHash;
        expectedSeq = r.seq + 1;
        rows++;
      }
      if (batch.length < BATCH) return { ok: true, rows, fromSeq };
    }
  }

  return {
    /** Appends one row at the head of the chain; the lock makes concurrent appends queue so the chain never forks. */
    async append(fields: AuditFields): Promise<AuditRow> {
      return db.transaction(async (tx) => {
        await lock(tx);
        const head = await chainHead(tx);
        const seq = head.seq + 1;
        const [row] = await tx.insert(auditEvents).values({ ...fields, seq, prevHash: head.hash, rowHash: rowHash(head.hash, seq, fields) }).returning();
        return row!;
      });
    },

    verify: () => verifyWith(db),

    /**
     * Deletes the oldest rows up to (not including) the first row at or after the cutoff, so no younger row is ever
     * touched even if clocks disagreed; an anchor with the last purged row's hash keeps the rest verifiable.
     */
    async purgeBefore(cutoff: Date): Promise<{ purged: number; throughSeq: number | null }> {
      return db.transaction(async (tx) => {
        await lock(tx);
        const check = await verifyWith(tx);
        if (!check.ok) throw new Error(`audit chain is broken at seq ${check.seq} (${check.reason}); refusing to purge`);
        const [young] = await tx.select({ first: min(auditEvents.seq) }).from(auditEvents).where(gte(auditEvents.tsUtc, cutoff));
        const limit = young?.first ?? Number.MAX_SAFE_INTEGER;
        const [last] = await tx.select().from(auditEvents).where(and(lt(auditEvents.seq, limit), lt(auditEvents.tsUtc, cutoff))).orderBy(desc(auditEvents.seq)).limit(1);
        if (!last) return { purged: 0, throughSeq: null };
        await tx.insert(auditAnchors).values({ purgedThroughSeq: last.seq, anchorHash: last.rowHash });
        await tx.execute(sql`set local portico.audit_purge = 'on'`);
        const deleted = await tx.delete(auditEvents).where(lte(auditEvents.seq, last.seq)).returning({ seq: auditEvents.seq });
        return { purged: deleted.length, throughSeq: last.seq };
      });
    },

    /** One patient's trail, newest first, keyset-paged by seq. */
    async forSubject(subjectPatientId: string, opts: { before?: number; limit: number }): Promise<AuditRow[]> {
      const where = opts.before === undefined
        ? eq(auditEvents.subjectPatientId, subjectPatientId)
        : and(eq(auditEvents.subjectPatientId, subjectPatientId), lt(auditEvents.seq, opts.before));
      return db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.seq)).limit(opts.limit);
    },

    /** Rows after a seq (tests and the CLI). */
    since: (seq: number) => db.select().from(auditEvents).where(gt(auditEvents.seq, seq)).orderBy(asc(auditEvents.seq)),
  };
}
export type AuditRepo = ReturnType<typeof auditRepo>;
