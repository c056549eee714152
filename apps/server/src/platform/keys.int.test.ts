import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenSet } from '@portico/openemr';
import { startPortico, type Portico } from '../testing/harness';
import { SealError, Sealer } from './crypto';
import { dbDataKeyStore, KeyRing, masterKeys, reencryptStored, rewrapDataKeys, rotateDataKey } from './keys';
import { dbTokenStore, resealTokens } from './token-store';

// The whole key lifecycle on the database the harness picks (PORTICO_TEST_DB: PGlite or PostgreSQL) and the cache
// it picks (PORTICO_TEST_CACHE: in-process or Redis). The admin commands keys:* call the functions used here.
const masterA = randomBytes(32);
const masterB = randomBytes(32);
let p: Portico;
let tokens: TokenSet;
const db = () => p.runtime.deps.database.db;
const store = () => dbDataKeyStore(db());
const tokenRow = async (): Promise<string> => {
  const r = (await db().execute(sql`select sealed from openemr_tokens where id = 'service'`)) as unknown as { rows: { sealed: string }[] };
  return r.rows[0]!.sealed;
};
const setTokenRow = (sealed: string) => db().execute(sql`update openemr_tokens set sealed = ${sealed} where id = 'service'`);
/** No 8-character piece of the secret appears in the stored text. */
const leaks = (stored: string, secret: string): boolean => [...Array(Math.max(1, secret.length - 7)).keys()].some((i) => stored.includes(secret.slice(i, i + 8)));
let cacheKey: string;
let medNames: string[];
const flip = (s: string, at: number): string => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);

beforeAll(async () => {
  p = await startPortico({ PORTICO_MASTER_KEY: masterA.toString('base64') });
  tokens = (await dbTokenStore(db(), p.runtime.keyRing).load())!;
  const [patient] = await p.runtime.deps.openemr.findPatientsByEmail('patient@demo.portico.test');
  cacheKey = `ehr:v1:${patient!.uuid}:medications`;
});
afterAll(() => p?.close());

describe(`DATA-04 envelope encryption and key rotation (${process.env.PORTICO_TEST_DB === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${process.env.PORTICO_TEST_CACHE === 'redis' ? 'Redis' : 'in-process'} cache)`, () => {
  it('DATA-04: the database holds only ciphertext for the OpenEMR tokens, sealed under the active data key', async () => {
    expect(tokens.accessToken.length).toBeGreaterThan(8);
    const sealed = await tokenRow();
    expect(sealed.startsWith(`v2.${p.runtime.keyRing.activeKeyId}.`)).toBe(true);
    expect(leaks(sealed, tokens.accessToken)).toBe(false);
    if (tokens.refreshToken) expect(leaks(sealed, tokens.refreshToken)).toBe(false);
    const keys = await store().list();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ active: true, masterKeyId: p.runtime.keyRing.masterKeyId });
  });

  it('DATA-04: a v1 token row (sealed with the master key) still opens and is re-sealed as v2 on the next write', async () => {
    const v2 = await tokenRow();
    await setTokenRow(new Sealer(masterA).seal(JSON.stringify(tokens), 'openemr-tokens'));
    const ts = dbTokenStore(db(), p.runtime.keyRing);
    expect(await ts.load()).toEqual(tokens);
    await ts.save(tokens);
    expect(await tokenRow()).toMatch(/^v2\./);
    expect(v2).toMatch(/^v2\./);
  });

  it('DATA-04: cached EHR values are ciphertext in the cache', async () => {
    const c = await p.signIn();
    const dash = await c.get('/api/v1/dashboard?refresh=1');
    expect(dash.status).toBe(200);
    const value = await p.runtime.deps.cache.get<{ name?: string; drug?: string }[]>(cacheKey);
    expect(Array.isArray(value) && value.length).toBeTruthy();
    medNames = value!.map((m) => JSON.stringify(m)).map((s) => (JSON.parse(s) as Record<string, unknown>)).flatMap((m) => Object.values(m).filter((v): v is string => typeof v === 'string' && v.length >= 8));
    expect(medNames.length).toBeGreaterThan(0);
    const raw = (await p.runtime.deps.cache.raw.get(cacheKey))!;
    expect(p.runtime.deps.cache.raw.kind).toBe(process.env.PORTICO_TEST_CACHE === 'redis' ? 'redis' : 'memory');
    expect(raw.startsWith(`v2.${p.runtime.keyRing.activeKeyId}.`)).toBe(true);
    for (const name of medNames) expect(raw).not.toContain(name);
  });

  it('DATA-04: after keys:rotate-data-key, values sealed before stay readable and new ones use the new key id', async () => {
    const oldId = p.runtime.keyRing.activeKeyId;
    const cachedBefore = (await p.runtime.deps.cache.raw.get(cacheKey))!;
    const tokenBefore = await tokenRow();
    const newId = await rotateDataKey(store(), masterKeys(masterA));
    expect(newId).not.toBe(oldId);
    // Another instance (started now) seals with the new key and reads the old values.
    const other = await KeyRing.open(store(), masterKeys(masterA));
    expect(other.activeKeyId).toBe(newId);
    expect(KeyRing.keyIdOf(await other.seal('x'))).toBe(newId);
    expect(JSON.parse((await other.open(tokenBefore, 'openemr-tokens')).toString())).toEqual(tokens);
    expect((await other.open(cachedBefore, cacheKey)).toString()).toContain(medNames[0]!);
    // The running server reads values under the new key at once (it loads the unknown key) ...
    await p.runtime.deps.cache.raw.set(cacheKey, await other.seal(JSON.stringify([{ probe: 'under-the-new-key' }]), cacheKey), 60);
    expect(await p.runtime.deps.cache.get(cacheKey)).toEqual([{ probe: 'under-the-new-key' }]);
    // ... and seals with the new key once its refresh interval has passed.
    await p.runtime.keyRing.reload();
    const c = await p.signIn();
    expect((await c.get('/api/v1/dashboard?refresh=1')).status).toBe(200);
    expect(KeyRing.keyIdOf((await p.runtime.deps.cache.raw.get(cacheKey))!)).toBe(newId);
    await dbTokenStore(db(), p.runtime.keyRing).save(tokens);
    expect(KeyRing.keyIdOf(await tokenRow())).toBe(newId);
    // keys:reencrypt: the token row is re-sealed under the active key and the old key is retired; nothing breaks.
    await setTokenRow(tokenBefore);
    const { retired, active } = await reencryptStored(store(), other, (r) => resealTokens(db(), r));
    expect(active).toBe(newId);
    expect(retired).toEqual([oldId]);
    expect(KeyRing.keyIdOf(await tokenRow())).toBe(newId);
    expect(await dbTokenStore(db(), p.runtime.keyRing).load()).toEqual(tokens);
    const fresh = await KeyRing.open(store(), masterKeys(masterA));
    expect((await fresh.open(cachedBefore, cacheKey)).toString()).toContain(medNames[0]!); // a retired key still opens
    expect((await c.get('/api/v1/dashboard?refresh=1')).status).toBe(200);
  });

  it('DATA-04: master-key rotation (new PORTICO_MASTER_KEY, old one previous, keys:rewrap); a restart with only the new key reads everything', async () => {
    const cached = (await p.runtime.deps.cache.raw.get(cacheKey))!;
    // Before the rewrap, the new master key alone cannot unwrap the data keys: a clear startup error.
    await expect(KeyRing.open(store(), masterKeys(masterB))).rejects.toThrow(/PORTICO_MASTER_KEYS_PREVIOUS/);
    const rotating = masterKeys(masterB, masterA);
    const during = await KeyRing.open(store(), rotating);
    expect(await dbTokenStore(db(), during).load()).toEqual(tokens);
    const { rewrapped } = await rewrapDataKeys(store(), rotating);
    expect(rewrapped).toHaveLength(2); // the active key and the retired one
    const all = await store().list({ includeRetired: true });
    expect(all.every((k) => k.masterKeyId === during.masterKeyId)).toBe(true);
    // Restart with ONLY the new master key.
    const restarted = await KeyRing.open(store(), masterKeys(masterB));
    expect(await dbTokenStore(db(), restarted).load()).toEqual(tokens);
    expect((await restarted.open(cached, cacheKey)).toString()).toContain(medNames[0]!);
    // The server still running with the old key keeps reading and writing (its data keys are in memory).
    const c = await p.signIn();
    expect((await c.get('/api/v1/dashboard')).status).toBe(200);
    expect(await dbTokenStore(db(), p.runtime.keyRing).load()).toEqual(tokens);
    // The old master key alone no longer unwraps anything.
    await expect(KeyRing.open(store(), masterKeys(masterA))).rejects.toThrow(/neither PORTICO_MASTER_KEY/);
  });

  it('DATA-04: tampering with a wrapped key or a sealed value fails closed with a clear error', async () => {
    const ring = await KeyRing.open(store(), masterKeys(masterB));
    const [active] = (await store().list()).filter((k) => k.active);
    const wrapped = active!.wrapped;
    await db().execute(sql`update data_keys set wrapped = ${flip(wrapped, wrapped.lastIndexOf('.') + 2)} where id = ${active!.id}`);
    await expect(KeyRing.open(store(), masterKeys(masterB))).rejects.toThrow(new RegExp(`data key ${active!.id} failed authentication.*tampered`));
    await db().execute(sql`update data_keys set wrapped = ${wrapped} where id = ${active!.id}`);

    const sealed = await tokenRow();
    const parts = sealed.split('.');
    parts[4] = flip(parts[4]!, 3);
    await setTokenRow(parts.join('.'));
    await expect(ring.open(parts.join('.'), 'openemr-tokens')).rejects.toThrow(SealError);
    await expect(ring.open(parts.join('.'), 'openemr-tokens')).rejects.toThrow(/failed authentication: tampered/);
    expect(await dbTokenStore(db(), ring).load()).toBeNull(); // never garbage: no tokens, so new ones are obtained
    await setTokenRow(sealed);
    expect(await dbTokenStore(db(), ring).load()).toEqual(tokens);

    const cached = (await p.runtime.deps.cache.raw.get(cacheKey))!;
    await p.runtime.deps.cache.raw.set(cacheKey, flip(cached, cached.length - 2), 60);
    expect(await p.runtime.deps.cache.get(cacheKey)).toBeUndefined(); // a tampered cache value is a miss
    await expect(ring.open(flip(cached, cached.length - 2), cacheKey)).rejects.toThrow(/failed authentication/);
  });
});
