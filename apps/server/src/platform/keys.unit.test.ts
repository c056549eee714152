import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SealError, Sealer } from './crypto';
import { KeyRing, masterKeys, reencryptStored, rewrapDataKeys, rotateDataKey, type DataKeyRow, type DataKeyStore } from './keys';

/** data_keys as an array, with the same semantics as the database store. */
function memoryStore(): DataKeyStore & { rows: DataKeyRow[] } {
  const rows: DataKeyRow[] = [];
  let clock = 0;
  return {
    rows,
    list: async ({ includeRetired = false } = {}) => rows.filter((r) => includeRetired || !r.retiredAt).map((r) => ({ ...r })),
    get: async (id) => ((r) => r && { ...r })(rows.find((r) => r.id === id)),
    async addActive(row, onlyIfNoActive) {
      if (onlyIfNoActive && rows.some((r) => r.active)) return false;
      for (const r of rows) r.active = false;
      rows.push({ ...row, active: true, createdAt: new Date(++clock), retiredAt: null });
      return true;
    },
    async rewrap(id, wrapped, masterKeyId) {
      Object.assign(rows.find((r) => r.id === id)!, { wrapped, masterKeyId });
    },
    async retire(ids) {
      for (const r of rows) if (ids.includes(r.id) && !r.active) r.retiredAt = new Date();
    },
  };
}

const flip = (s: string, at: number): string => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);

describe('KeyRing (DATA-04 envelope encryption)', () => {
  it('DATA-04: makes one active data key, wrapped by the master key, and seals v2 values naming it', async () => {
    const store = memoryStore();
    const master = randomBytes(32);
    const ring = await KeyRing.open(store, masterKeys(master));
    expect(store.rows).toHaveLength(1);
    expect(store.rows[0]!.active).toBe(true);
    expect(store.rows[0]!.masterKeyId).toBe(ring.masterKeyId);
    const sealed = await ring.seal('Hemoglobin A1c 7.2 %', 'ctx');
    expect(sealed.startsWith(`v2.${ring.activeKeyId}.`)).toBe(true);
    expect(sealed).not.toContain('A1c');
    expect((await ring.open(sealed, 'ctx')).toString()).toBe('Hemoglobin A1c 7.2 %');
    // A second instance on the same store uses the same key; it does not make another.
    const other = await KeyRing.open(store, masterKeys(master));
    expect(store.rows).toHaveLength(1);
    expect((await other.open(sealed, 'ctx')).toString()).toBe('Hemoglobin A1c 7.2 %');
  });

  it('DATA-04: binds the context, and fails closed on a tampered value', async () => {
    const ring = await KeyRing.open(memoryStore(), masterKeys(randomBytes(32)));
    const sealed = await ring.seal('secret', 'a');
    await expect(ring.open(sealed, 'b')).rejects.toThrow(/failed authentication/);
    const parts = sealed.split('.');
    parts[4] = flip(parts[4]!, 0);
    await expect(ring.open(parts.join('.'), 'a')).rejects.toThrow(SealError);
    await expect(ring.open('plaintext', 'a')).rejects.toThrow(/not a sealed value/);
    await expect(ring.open(sealed.replace(/^v2\.dk[0-9a-f]+/, 'v2.dk0000000000000000'), 'a')).rejects.toThrow(/not in data_keys/);
  });

  it('DATA-04: after a rotation, old values open, new ones use the new key, and another instance picks it up', async () => {
    const store = memoryStore();
    const master = randomBytes(32);
    let t = 0;
    const a = await KeyRing.open(store, masterKeys(master), { now: () => t });
    const b = await KeyRing.open(store, masterKeys(master), { now: () => t, refreshMs: 1000 });
    const before = await a.seal('old', 'x');
    const id = await rotateDataKey(store, masterKeys(master));
    expect(id).not.toBe(a.activeKeyId);
    // a does not know the new key yet: a value under it makes a look it up.
    const c = await KeyRing.open(store, masterKeys(master));
    const after = await c.seal('new', 'x');
    expect(KeyRing.keyIdOf(after)).toBe(id);
    expect((await a.open(after, 'x')).toString()).toBe('new');
    expect((await c.open(before, 'x')).toString()).toBe('old');
    // b moves to the new key once its refresh interval has passed.
    expect(KeyRing.keyIdOf(await b.seal('y'))).not.toBe(id);
    t = 1000;
    expect(KeyRing.keyIdOf(await b.seal('y'))).toBe(id);
  });

  it('DATA-04: master-key rotation: previous key unwraps, rewrap moves every key, then only the new master is needed', async () => {
    const store = memoryStore();
    const oldMaster = randomBytes(32);
    const newMaster = randomBytes(32);
    const ring = await KeyRing.open(store, masterKeys(oldMaster));
    const first = await ring.seal('one');
    await rotateDataKey(store, masterKeys(oldMaster));
    await ring.reload();
    const second = await ring.seal('two');
    // Without the old master key the data keys cannot be unwrapped: startup fails with a clear message.
    await expect(KeyRing.open(store, masterKeys(newMaster))).rejects.toThrow(/PORTICO_MASTER_KEYS_PREVIOUS/);
    const rotating = masterKeys(newMaster, oldMaster);
    const during = await KeyRing.open(store, rotating);
    expect((await during.open(first)).toString()).toBe('one');
    const result = await rewrapDataKeys(store, rotating);
    expect(result.rewrapped).toHaveLength(2);
    expect(store.rows.every((r) => r.masterKeyId === during.masterKeyId)).toBe(true);
    expect((await rewrapDataKeys(store, rotating)).rewrapped).toHaveLength(0);
    const after = await KeyRing.open(store, masterKeys(newMaster));
    expect((await after.open(first)).toString()).toBe('one');
    expect((await after.open(second)).toString()).toBe('two');
    // The running ring (old master only) still holds its unwrapped keys.
    expect((await ring.open(second)).toString()).toBe('two');
  });

  it('DATA-04: a tampered wrapped key fails closed with a clear error', async () => {
    const store = memoryStore();
    const master = randomBytes(32);
    const ring = await KeyRing.open(store, masterKeys(master));
    const sealed = await ring.seal('v');
    const row = store.rows[0]!;
    row.wrapped = flip(row.wrapped, row.wrapped.lastIndexOf('.') + 2);
    await expect(KeyRing.open(store, masterKeys(master))).rejects.toThrow(new RegExp(`data key ${row.id} failed authentication.*tampered`));
    // Swapping two wrapped keys does not work either: the wrap is bound to the key id.
    const store2 = memoryStore();
    await KeyRing.open(store2, masterKeys(master));
    await rotateDataKey(store2, masterKeys(master));
    [store2.rows[0]!.wrapped, store2.rows[1]!.wrapped] = [store2.rows[1]!.wrapped, store2.rows[0]!.wrapped];
    await expect(KeyRing.open(store2, masterKeys(master))).rejects.toThrow(/failed authentication/);
    await expect(rewrapDataKeys(store, masterKeys(randomBytes(32), master))).rejects.toThrow(SealError);
    expect(sealed).toMatch(/^v2\./);
  });

  it('DATA-04: opens v1 values sealed with the master key directly (current or previous)', async () => {
    const oldMaster = randomBytes(32);
    const v1 = new Sealer(oldMaster).seal('legacy', 'openemr-tokens');
    const ring = await KeyRing.open(memoryStore(), masterKeys(randomBytes(32), oldMaster));
    expect((await ring.open(v1, 'openemr-tokens')).toString()).toBe('legacy');
    await expect(ring.open(v1, 'other')).rejects.toThrow(/failed authentication/);
    const without = await KeyRing.open(memoryStore(), masterKeys(randomBytes(32)));
    await expect(without.open(v1, 'openemr-tokens')).rejects.toThrow(/not configured/);
  });

  it('DATA-04: reencrypt retires keys no stored value names; a retired key still opens on demand', async () => {
    const store = memoryStore();
    const master = masterKeys(randomBytes(32));
    const ring = await KeyRing.open(store, master);
    let stored = await ring.seal('token');
    const cached = await ring.seal('cached');
    await rotateDataKey(store, master);
    const { retired, active } = await reencryptStored(store, ring, async (r) => {
      stored = await r.seal(await r.open(stored));
      return [];
    });
    expect(retired).toHaveLength(1);
    expect(KeyRing.keyIdOf(stored)).toBe(active);
    const fresh = await KeyRing.open(store, master);
    expect((await fresh.open(stored)).toString()).toBe('token');
    expect((await fresh.open(cached)).toString()).toBe('cached');
  });
});
