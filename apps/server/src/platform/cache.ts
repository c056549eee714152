import { LRUCache } from 'lru-cache';
import type { Sealing } from './crypto';

/** Caches hold EHR data, so every value is sealed before it is stored, in Redis or in memory alike. */
export interface Cache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  close(): Promise<void>;
  readonly kind: 'memory' | 'redis';
}

export function memoryCache(): Cache {
  const lru = new LRUCache<string, string>({ max: 5000, ttlAutopurge: false });
  return {
    kind: 'memory',
    get: async (k) => lru.get(k),
    set: async (k, v, ttl) => void lru.set(k, v, { ttl: ttl * 1000 }),
    del: async (k) => void lru.delete(k),
    close: async () => lru.clear(),
  };
}

/**
 * Keys live under `<namespace>:` so deployments (or test instances) sharing one Redis never read each other's
 * entries: values sealed under another deployment's keys would only ever be misses.
 */
export async function redisCache(url: string, namespace = 'portico'): Promise<Cache> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false });
  await redis.connect();
  const ns = (k: string) => `${namespace}:${k}`;
  return {
    kind: 'redis',
    get: async (k) => (await redis.get(ns(k))) ?? undefined,
    set: async (k, v, ttl) => void (await redis.set(ns(k), v, 'EX', Math.max(1, ttl))),
    del: async (k) => void (await redis.del(ns(k))),
    close: async () => void (await redis.quit()),
  };
}

/** A JSON cache over a Cache whose values are sealed with the deployment's key and bound to their cache key. */
export function sealedJsonCache(cache: Cache, sealer: Sealing, onResult?: (hit: boolean) => void) {
  return {
    /** The underlying store, which holds only sealed values (tests check that). */
    raw: cache,
    async get<T>(key: string): Promise<T | undefined> {
      const raw = await cache.get(key).catch(() => undefined);
      if (raw === undefined) {
        onResult?.(false);
        return undefined;
      }
      try {
        const value = JSON.parse((await sealer.open(raw, key)).toString('utf8')) as T;
        onResult?.(true);
        return value;
      } catch {
        onResult?.(false);
        return undefined;
      }
    },
    async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
      if (ttlSeconds <= 0) return;
      // A cache outage must not break the page: the EHR is still the source.
      // Nor can a sealing failure: the value is then not cached (never stored unsealed).
      const sealed = await (async () => sealer.seal(JSON.stringify(value), key))().catch(() => undefined);
      if (sealed !== undefined) await cache.set(key, sealed, ttlSeconds).catch(() => undefined);
    },
    del: (key: string) => cache.del(key).catch(() => undefined),
  };
}
export type SealedJsonCache = ReturnType<typeof sealedJsonCache>;
