import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { decodeMasterKey, gcmOpen, gcmSeal, loadMasterKey, masterKeyId, SealError, type Sealing } from './crypto';
import type { Db } from './db/client';
import { dataKeys } from './db/schema';

/**
 * Envelope encryption (DATA-04). Values are sealed with a random 256-bit data key; data keys live in `data_keys`,
 * each wrapped (AES-256-GCM, AAD = its id) by a master key. A sealed value names its data key:
 *   v2.<dataKeyId>.<iv>.<tag>.<ciphertext>   (AAD = "v2.<dataKeyId>." + context)
 * One data key is active (used for new values); older ones stay readable until retired, and even a retired key is
 * loaded on demand when a value names it. v1 values (sealed with a master key directly) are still opened.
 */

export interface MasterKey {
  id: string;
  key: Buffer;
}
/** The current master key wraps new data keys; previous ones only unwrap (during a master-key rotation). */
export interface MasterKeys {
  current: MasterKey;
  previous: MasterKey[];
}

const mk = (key: Buffer): MasterKey => ({ id: masterKeyId(key), key });

/** PORTICO_MASTER_KEY (or the generated one on embedded defaults) and PORTICO_MASTER_KEYS_PREVIOUS. */
export function loadMasterKeys(configured: string | undefined, previous: readonly string[], dataDir: string): MasterKeys {
  const current = mk(loadMasterKey(configured, dataDir));
  const prev = previous.map((p, i) => mk(decodeMasterKey(p, `PORTICO_MASTER_KEYS_PREVIOUS[${i}]`)));
  return { current, previous: prev.filter((p, i, all) => p.id !== current.id && all.findIndex((q) => q.id === p.id) === i) };
}

export const masterKeys = (current: Buffer, ...previous: Buffer[]): MasterKeys => ({ current: mk(current), previous: previous.map(mk) });

/** One row of data_keys. */
export interface DataKeyRow {
  id: string;
  wrapped: string;
  masterKeyId: string;
  active: boolean;
  createdAt: Date;
  retiredAt: Date | null;
}

/** Storage of wrapped data keys: the database in Portico, an array in unit tests. */
export interface DataKeyStore {
  list(opts?: { includeRetired?: boolean }): Promise<DataKeyRow[]>;
  get(id: string): Promise<DataKeyRow | undefined>;
  /** Atomically (one writer at a time): when `onlyIfNoActive` and an active key exists, does nothing. */
  addActive(row: { id: string; wrapped: string; masterKeyId: string }, onlyIfNoActive: boolean): Promise<boolean>;
  rewrap(id: string, wrapped: string, masterKeyId: string, expectedMasterKeyId: string): Promise<void>;
  retire(ids: string[]): Promise<void>;
}

const LOCK = 0x504f5254; // serialises data-key writers across instances (pg_advisory_xact_lock)

export function dbDataKeyStore(db: Db): DataKeyStore {
  return {
    async list({ includeRetired = false } = {}) {
      const rows = await db.select().from(dataKeys);
      return includeRetired ? rows : rows.filter((r) => !r.retiredAt);
    },
    async get(id) {
      const [row] = await db.select().from(dataKeys).where(eq(dataKeys.id, id));
      return row;
    },
    async addActive(row, onlyIfNoActive) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
        const active = await tx.select({ id: dataKeys.id }).from(dataKeys).where(eq(dataKeys.active, true));
        if (onlyIfNoActive && active.length) return false;
        await tx.update(dataKeys).set({ active: false }).where(eq(dataKeys.active, true));
        await tx.insert(dataKeys).values({ ...row, active: true });
        return true;
      });
    },
    async rewrap(id, wrapped, newMasterKeyId, expected) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
        const [row] = await tx.select().from(dataKeys).where(eq(dataKeys.id, id));
        if (!row || row.masterKeyId !== expected) throw new SealError(`data key ${id} changed during rewrap; run keys:rewrap again`);
        await tx.update(dataKeys).set({ wrapped, masterKeyId: newMasterKeyId }).where(eq(dataKeys.id, id));
      });
    },
    async retire(ids) {
      for (const id of ids) await db.update(dataKeys).set({ retiredAt: new Date() }).where(sql`${dataKeys.id} = ${id} and ${dataKeys.active} = false and ${dataKeys.retiredAt} is null`);
    },
  };
}

const wrapAad = (dataKeyId: string): string => `portico:data-key:${dataKeyId}`;

export function wrapDataKey(master: MasterKey, dataKeyId: string, key: Buffer): string {
  return gcmSeal(master.key, key, wrapAad(dataKeyId)).join('.');
}

function unwrapDataKey(masters: MasterKeys, row: Pick<DataKeyRow, 'id' | 'wrapped' | 'masterKeyId'>): Buffer {
  const master = [masters.current, ...masters.previous].find((m) => m.id === row.masterKeyId);
  if (!master) {
    throw new SealError(
      `data key ${row.id} is wrapped by master key ${row.masterKeyId}, which is neither PORTICO_MASTER_KEY (${masters.current.id}) ` +
        'nor in PORTICO_MASTER_KEYS_PREVIOUS: configure that key as a previous key and run keys:rewrap',
    );
  }
  const parts = row.wrapped.split('.');
  if (parts.length !== 3) throw new SealError(`data key ${row.id}: malformed wrapped key`);
  const key = gcmOpen(master.key, parts as [string, string, string], wrapAad(row.id), `data key ${row.id} failed authentication under master key ${master.id}: the wrapped key was tampered with`);
  if (key.length !== 32) throw new SealError(`data key ${row.id}: unwrapped key is not 32 bytes`);
  return key;
}

const newDataKeyId = (): string => `dk${randomBytes(8).toString('hex')}`;
const ID = /^dk[0-9a-f]{16}$/;

/**
 * The data keys, unwrapped, in memory only. `seal` uses the active key; `open` reads any key a value names,
 * reloading from the database when a value names a key made by another instance (rotation elsewhere). The active
 * key is re-read at most every `refreshMs`, so every instance moves to a new key soon after a rotation.
 */
export class KeyRing implements Sealing {
  private readonly keys = new Map<string, Buffer>();
  private readonly broken = new Map<string, SealError>();
  private activeId: string | undefined;
  private loadedAt = 0;
  private loading: Promise<void> | undefined;

  private constructor(
    private readonly store: DataKeyStore,
    private readonly masters: MasterKeys,
    private readonly refreshMs: number,
    private readonly now: () => number,
  ) {}

  /** Loads the non-retired data keys, making the first data key if there is none. Fails if the active key cannot be unwrapped. */
  static async open(store: DataKeyStore, masters: MasterKeys, opts: { refreshMs?: number; now?: () => number } = {}): Promise<KeyRing> {
    const ring = new KeyRing(store, masters, opts.refreshMs ?? 60_000, opts.now ?? Date.now);
    await ring.reload();
    if (!ring.activeId) {
      await createDataKey(store, masters, true);
      await ring.reload();
    }
    const err = ring.activeId && ring.broken.get(ring.activeId);
    if (err) throw err;
    if (!ring.activeId) throw new SealError('no active data key');
    return ring;
  }

  get activeKeyId(): string {
    return this.activeId!;
  }

  get masterKeyId(): string {
    return this.masters.current.id;
  }

  /** Re-reads data_keys: new keys are unwrapped, the active one is updated. One reload at a time. */
  reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const rows = await this.store.list();
        const active = rows.filter((r) => r.active).sort((a, b) => +b.createdAt - +a.createdAt)[0];
        for (const row of rows) this.admit(row);
        this.activeId = active?.id;
        this.loadedAt = this.now();
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private admit(row: DataKeyRow): void {
    if (this.keys.has(row.id)) return;
    try {
      this.keys.set(row.id, unwrapDataKey(this.masters, row));
      this.broken.delete(row.id);
    } catch (err) {
      this.broken.set(row.id, err as SealError);
    }
  }

  private async key(id: string): Promise<Buffer> {
    let key = this.keys.get(id);
    if (key) return key;
    if (!ID.test(id)) throw new SealError('not a sealed value: malformed data key id');
    // A key made by another instance, or a retired one: look it up.
    const row = await this.store.get(id);
    if (row) this.admit(row);
    key = this.keys.get(id);
    if (key) return key;
    throw this.broken.get(id) ?? new SealError(`sealed with data key ${id}, which is not in data_keys`);
  }

  async seal(plain: string | Buffer, context = ''): Promise<string> {
    // Pick up a rotation made by another instance; on a database hiccup keep sealing with the key we have.
    if (this.now() - this.loadedAt >= this.refreshMs) await this.reload().catch(() => undefined);
    const id = this.activeId!;
    const key = await this.key(id);
    return ['v2', id, ...gcmSeal(key, plain, `v2.${id}.${context}`)].join('.');
  }

  async open(sealed: string, context = ''): Promise<Buffer> {
    const parts = sealed.split('.');
    const [v, id, iv, tag, body] = parts;
    if (parts.length !== 5 || !id || !iv || !tag || body === undefined) throw new SealError('not a sealed value');
    if (v === 'v1') {
      const master = [this.masters.current, ...this.masters.previous].find((m) => m.id === id);
      if (!master) throw new SealError(`sealed (v1) with master key ${id}, which is not configured`);
      return gcmOpen(master.key, [iv, tag, body], context, `sealed value (v1, master key ${id}) failed authentication: tampered, or bound to another context`);
    }
    if (v !== 'v2') throw new SealError(`not a sealed value: unknown format ${v}`);
    return gcmOpen(await this.key(id), [iv, tag, body], `v2.${id}.${context}`, `sealed value (data key ${id}) failed authentication: tampered, or bound to another context`);
  }

  /** The data key id a sealed value names (v1: undefined). */
  static keyIdOf(sealed: string): string | undefined {
    const [v, id] = sealed.split('.');
    return v === 'v2' ? id : undefined;
  }
}

/** Makes a new random data key, wrapped by the current master key; it becomes the active one. */
export async function createDataKey(store: DataKeyStore, masters: MasterKeys, onlyIfNoActive = false): Promise<string | undefined> {
  const id = newDataKeyId();
  const made = await store.addActive({ id, wrapped: wrapDataKey(masters.current, id, randomBytes(32)), masterKeyId: masters.current.id }, onlyIfNoActive);
  return made ? id : undefined;
}

/** keys:rotate-data-key. Old keys stay for reading. */
export async function rotateDataKey(store: DataKeyStore, masters: MasterKeys): Promise<string> {
  return (await createDataKey(store, masters))!;
}

/**
 * keys:rewrap. Every data key (retired ones too) not wrapped by the current master key is unwrapped with a previous
 * one and wrapped again with the current one. Fails, changing nothing more, on a key it cannot unwrap.
 */
export async function rewrapDataKeys(store: DataKeyStore, masters: MasterKeys): Promise<{ rewrapped: string[]; current: number }> {
  const rows = await store.list({ includeRetired: true });
  const rewrapped: string[] = [];
  for (const row of rows) {
    if (row.masterKeyId === masters.current.id) continue;
    const key = unwrapDataKey(masters, row);
    await store.rewrap(row.id, wrapDataKey(masters.current, row.id, key), masters.current.id, row.masterKeyId);
    rewrapped.push(row.id);
  }
  return { rewrapped, current: rows.length - rewrapped.length };
}

/**
 * keys:reencrypt. `reseal` re-seals every stored value under the active key (the caller knows the tables); then every
 * data key that is neither active nor still named by a stored value is marked retired. Retired keys are not loaded
 * at start but stay in the table, so a cached value sealed under one (short TTL) still opens.
 */
export async function reencryptStored(store: DataKeyStore, ring: KeyRing, reseal: (ring: KeyRing) => Promise<string[]>): Promise<{ retired: string[]; active: string }> {
  await ring.reload();
  const stillUsed = new Set(await reseal(ring));
  const candidates = (await store.list()).filter((r) => !r.active && !stillUsed.has(r.id)).map((r) => r.id);
  await store.retire(candidates);
  return { retired: candidates, active: ring.activeKeyId };
}
