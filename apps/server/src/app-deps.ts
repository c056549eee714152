import type { CookieSerializeOptions } from '@fastify/cookie';
import type { OpenEmrClient } from '@portico/openemr';
import type { Config } from './config';
import type { SealedJsonCache } from './platform/cache';
import type { Database } from './platform/db/client';
import type { Metrics } from './platform/metrics';
import type { AuditService } from './modules/audit/service';
import type { AuthService } from './modules/auth/service';

/** What the HTTP app needs, built by the composition root (main.ts) or a test. */
export interface AppDeps {
  config: Config;
  database: Database;
  cache: SealedJsonCache;
  metrics: Metrics;
  openemr: OpenEmrClient;
  auth: AuthService;
  /** The hash-chained audit trail (SECURITY-REQUIREMENTS §0.3, AUD-01..07). */
  audit: AuditService;
  cookie: { name: string; options(maxAgeMs: number): CookieSerializeOptions; clearOptions: CookieSerializeOptions };
  now(): Date;
  /** Readiness of things other than the database (OpenEMR, Redis). */
  readiness(): Promise<{ name: string; ok: boolean; detail?: string }[]>;
}

/** `__Host-` pins the cookie to this host and path /, and requires Secure. */
export function sessionCookie(secure: boolean): AppDeps['cookie'] {
  return {
    name: secure ? '__Host-portico_session' : 'portico_session',
    options: (maxAgeMs) => ({ path: '/', httpOnly: true, secure, sameSite: 'strict', maxAge: Math.floor(maxAgeMs / 1000) }),
    // Browsers ignore a __Host- cookie set without Secure, so clearing must repeat every attribute.
    clearOptions: { path: '/', httpOnly: true, secure, sameSite: 'strict' },
  };
}
