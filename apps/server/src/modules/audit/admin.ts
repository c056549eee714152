import type { Db } from '../../platform/db/client';
import { auditRepo } from './repo';
import { auditService } from './service';

/** `audit:verify`: 0 when the chain from the latest anchor is intact, 1 with the first bad row otherwise. */
export async function auditVerifyCommand(db: Db, out: (line: string) => void): Promise<number> {
  const result = await auditService({ repo: auditRepo(db), retentionDays: Number.MAX_SAFE_INTEGER }).verify();
  if (result.ok) {
    out(`audit chain intact: ${result.rows} rows${result.fromSeq > 1 ? ` (from seq ${result.fromSeq}, after a retention purge)` : ''}`);
    return 0;
  }
  out(`audit chain BROKEN at seq ${result.seq}: ${result.reason} (${result.detail}); ${result.rows} rows verified before it`);
  return 1;
}

/** `audit:purge`: removes rows older than the retention, anchoring the chain where it was cut. */
export async function auditPurgeCommand(db: Db, retentionDays: number, out: (line: string) => void): Promise<number> {
  const r = await auditService({ repo: auditRepo(db), retentionDays }).purge();
  out(r.purged === 0
    ? `nothing older than ${retentionDays} days (before ${r.cutoff.toISOString()}) to purge`
    : `purged ${r.purged} audit rows through seq ${r.throughSeq} (older than ${r.cutoff.toISOString()}); the chain is anchored there`);
  return 0;
}
