import path from 'node:path';
import { createOpenEmrClient, registerClient, SERVICE_SCOPES, type OpenEmrClient, type OpenEmrSettings } from '@portico/openemr';
import { sessionCookie, type AppDeps } from './app-deps';
import type { Config } from './config';
import { accountsRepo } from './modules/accounts/repo';
import { auditRepo } from './modules/audit/repo';
import { auditService } from './modules/audit/service';
import { sessionsRepo } from './modules/auth/repo';
import { authService } from './modules/auth/service';
import { throttleService } from './modules/auth/throttle';
import { memoryCache, redisCache, sealedJsonCache, type Cache } from './platform/cache';
import { dbDataKeyStore, KeyRing, loadMasterKeys } from './platform/keys';
import { openDatabase } from './platform/db/client';
import { securityEvents } from './platform/db/schema';
import type { Logger } from './platform/log';
import { createMetrics } from './platform/metrics';
import { startSimulatorProcess } from './platform/openemr-sim-process';
import { clearTokens, dbTokenStore } from './platform/token-store';

/** The simulator's service account (its seed); only used when Portico runs the simulator itself. */
const SIM_SERVICE_USER = { username: 'portico-service', password: 'portico-service-pass' };

export interface Runtime {
  deps: AppDeps;
  /** The data keys (envelope encryption); sealing for the token store and the EHR cache. */
  keyRing: KeyRing;
  demoMode: boolean;
  openemrUrl: string;
  close(): Promise<void>;
}

export async function bootstrap(config: Config, log: Logger, opts: { pgliteDir?: string } = {}): Promise<Runtime> {
  const closers: (() => Promise<void>)[] = [];
  const masters = loadMasterKeys(config.masterKey, config.masterKeysPrevious, config.dataDir);
  const database = await openDatabase({
    url: config.databaseUrl,
    pgliteDir: opts.pgliteDir ?? path.join(config.dataDir, 'pgdata'),
    onIdleError: (err) => log.warn({ err: err.message }, 'an idle database connection was closed by the server; it will be replaced'),
  });
  closers.push(() => database.close());
  const sealer = await KeyRing.open(dbDataKeyStore(database.db), masters).catch(async (err: Error) => {
    await database.close();
    throw err;
  });
  const rawCache: Cache = config.redisUrl ? await redisCache(config.redisUrl, config.cacheNamespace) : memoryCache();
  closers.push(() => rawCache.close());
  const metrics = createMetrics();
  const cache = sealedJsonCache(rawCache, sealer, (hit) => metrics.cacheRequests.labels('ehr', hit ? 'hit' : 'miss').inc());

  let settings: OpenEmrSettings;
  const demoMode = !config.openemr.baseUrl;
  if (demoMode) {
    const sim = await startSimulatorProcess({ latencyMs: config.openemr.simLatencyMs, timeZone: config.clinic.timeZone });
    closers.unshift(() => sim.stop());
    const client = await registerClient(sim.url, 'default', {
      client_name: 'Portico (demo)', application_type: 'private', redirect_uris: ['http://127.0.0.1/oauth/callback'], scope: SERVICE_SCOPES,
    });
    // A new simulator holds no earlier tokens: forget ours.
    await clearTokens(database.db);
    settings = { baseUrl: sim.url, site: 'default', clientId: client.client_id, clientSecret: client.client_secret, serviceUsername: SIM_SERVICE_USER.username, servicePassword: SIM_SERVICE_USER.password, clinicTimeZone: config.clinic.timeZone, timeoutMs: config.openemr.timeoutMs, appointmentCategories: config.openemr.appointmentCategories };
  } else {
    settings = {
      baseUrl: config.openemr.baseUrl!, site: config.openemr.site, clientId: config.openemr.clientId!, clientSecret: config.openemr.clientSecret,
      serviceUsername: config.openemr.serviceUsername, servicePassword: config.openemr.servicePassword, clinicTimeZone: config.clinic.timeZone, timeoutMs: config.openemr.timeoutMs,
      appointmentCategories: config.openemr.appointmentCategories,
    };
  }

  const openemr: OpenEmrClient = createOpenEmrClient(settings, dbTokenStore(database.db, sealer), {
    onCall: (c) => {
      metrics.openemrDuration.labels(c.endpoint, c.ok ? 'ok' : 'error').observe(c.durationMs / 1000);
      if (!c.ok) metrics.openemrErrors.labels(c.endpoint, String(c.status)).inc();
    },
    onSecurityEvent: (e) => {
      metrics.securityEvents.labels(e.kind).inc();
      log.warn({ securityEvent: e }, 'security event');
      void database.db.insert(securityEvents).values({ kind: e.kind, detail: e }).catch((err: Error) => log.error({ err: err.message }, 'could not store security event'));
    },
    log,
  });

  const auth = authService({ accounts: accountsRepo(database.db), sessions: sessionsRepo(database.db), throttle: throttleService(database.db, config.signInThrottle), idleMs: config.session.idleMs, absoluteMs: config.session.absoluteMs });
  const accounts = accountsRepo(database.db);
  const audit = auditService({ repo: auditRepo(database.db), retentionDays: config.audit.retentionDays, accountByEmail: (email) => accounts.byEmail(email) });
  const deps: AppDeps = {
    config, database, cache, metrics, openemr, auth, audit,
    cookie: sessionCookie(config.session.cookieSecure),
    now: () => new Date(),
    readiness: async () => [
      await openemr.ping().then(() => ({ name: 'openemr', ok: true }), (err: Error) => ({ name: 'openemr', ok: false, detail: err.name })),
      ...(rawCache.kind === 'redis'
        ? [await rawCache.get('readyz').then(() => ({ name: 'redis', ok: true }), (err: Error) => ({ name: 'redis', ok: false, detail: err.message }))]
        : []),
    ],
  };
  return {
    deps, demoMode, openemrUrl: settings.baseUrl, keyRing: sealer,
    close: async () => {
      for (const c of closers) await c().catch(() => undefined);
    },
  };
}
