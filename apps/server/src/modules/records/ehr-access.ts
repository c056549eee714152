import type { FastifyBaseLogger } from 'fastify';
import type { PatientSummary } from '@portico/contracts';
import type { PatientEhr, PatientLink } from '@portico/openemr';
import type { AppDeps } from '../../app-deps';
import type { SealedJsonCache } from '../../platform/cache';

type ReadMethod = Exclude<keyof PatientEhr, 'downloadDocument'>;
type ReadResult<M extends ReadMethod> = Awaited<ReturnType<PatientEhr[M]>>;

/**
 * Per-patient, per-read caching of EHR data (sealed, short TTL). The dashboard and the record pages share it,
 * so a warm dashboard costs no OpenEMR calls. `fresh` skips the cache read but refills it.
 */
export function cachedEhr(ehr: PatientEhr, cache: SealedJsonCache, patientUuid: string, ttlSeconds: number, fresh = false) {
  return {
    async read<M extends ReadMethod>(method: M): Promise<ReadResult<M>> {
      const key = `ehr:v1:${patientUuid}:${method}`;
      if (!fresh) {
        const hit = await cache.get<ReadResult<M>>(key);
        if (hit !== undefined) return hit;
      }
      const value = (await (ehr[method] as () => Promise<ReadResult<M>>).call(ehr)) as ReadResult<M>;
      await cache.set(key, value, ttlSeconds);
      return value;
    },
    downloadDocument: (id: string) => ehr.downloadDocument(id),
  };
}
export type CachedEhr = ReturnType<typeof cachedEhr>;

/** The session's patient's EHR reads, through the shared per-patient cache. */
export function ehrFor(deps: AppDeps, link: PatientLink, fresh = false): CachedEhr {
  return cachedEhr(deps.openemr.forPatient(link), deps.cache, link.uuid, deps.config.dashboardCacheSeconds, fresh);
}

/** The patient's name comes from OpenEMR; when it is unreachable the session still works with ids only. */
export async function patientOrFallback(deps: AppDeps, link: PatientLink, log: FastifyBaseLogger): Promise<PatientSummary> {
  try {
    return await ehrFor(deps, link).read('patient');
  } catch (err) {
    log.warn({ err: (err as Error).name }, 'patient summary unavailable');
    return { uuid: link.uuid, pid: link.pid, givenName: '', familyName: '', birthDate: null };
  }
}
