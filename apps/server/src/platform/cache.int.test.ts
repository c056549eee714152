import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCache, redisCache, sealedJsonCache, type Cache } from './cache';
import { Sealer } from './crypto';

// PORTICO_TEST_CACHE=redis runs the same checks against the real Redis (REDIS_URL).
const useRedis = process.env.PORTICO_TEST_CACHE === 'redis';
let raw: Cache;
beforeAll(async () => {
  if (useRedis && !process.env.REDIS_URL) throw new Error('PORTICO_TEST_CACHE=redis needs REDIS_URL');
  raw = useRedis ? await redisCache(process.env.REDIS_URL!) : memoryCache();
});
afterAll(() => raw?.close());

describe(`sealed EHR cache (${useRedis ? 'redis' : 'in-process'})`, () => {
  const sealer = new Sealer(randomBytes(32));
  const key = `test:${randomBytes(6).toString('hex')}`;

  it('round-trips values and stores only ciphertext', async () => {
    const c = sealedJsonCache(raw, sealer);
    await c.set(key, { name: 'Hemoglobin A1c', value: '7.2 %' }, 30);
    expect(await c.get(key)).toEqual({ name: 'Hemoglobin A1c', value: '7.2 %' });
    const stored = await raw.get(key);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toMatch(/A1c|7\.2/);
  });

  it('treats a value sealed under another key, or moved to another cache key, as a miss', async () => {
    const other = sealedJsonCache(raw, new Sealer(randomBytes(32)));
    expect(await other.get(key)).toBeUndefined();
    await raw.set(`${key}:copy`, (await raw.get(key))!, 30);
    expect(await sealedJsonCache(raw, sealer).get(`${key}:copy`)).toBeUndefined();
  });

  it('keeps deployments that share a Redis apart by namespace', async () => {
    if (!useRedis) return;
    const other = await redisCache(process.env.REDIS_URL!, `other-${randomBytes(4).toString('hex')}`);
    try {
      await raw.set(`${key}:ns`, 'mine', 30);
      expect(await other.get(`${key}:ns`)).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('expires values after their TTL', async () => {
    const c = sealedJsonCache(raw, sealer);
    await c.set(`${key}:ttl`, 1, 1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await c.get(`${key}:ttl`)).toBeUndefined();
  });
});
