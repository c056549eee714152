import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** An IP address or CIDR block (IPv4 or IPv6). */
const ipOrCidr = (v: string): boolean => {
  const [addr = '', bits, extra] = v.split('/');
  const family = isIP(addr);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};
const ipList = z
  .string()
  .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
  .refine((list) => list.every(ipOrCidr), 'comma-separated IP addresses or CIDR blocks, e.g. 10.0.0.5,10.1.0.0/16');
const optionalUrl = z.string().url().optional().or(z.literal('').transform(() => undefined));

/** Every setting Portico reads. The README's settings table is this schema in prose. */
const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    PORTICO_DATA_DIR: z.string().default('./data'),
    PORTICO_PUBLIC_URL: optionalUrl,
    DATABASE_URL: optionalUrl,
    REDIS_URL: optionalUrl,
    PORTICO_CACHE_NAMESPACE: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).default('portico'),
    PORTICO_MASTER_KEY: z.string().regex(/^[A-Za-z0-9+/=_-]{43,44}$/, 'a base64 32-byte key').optional(),
    PORTICO_MASTER_KEYS_PREVIOUS: z
      .string()
      .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[A-Za-z0-9+/=_-]{43,44}$/, 'comma-separated base64 32-byte keys')))
      .optional(),
    PORTICO_CLINIC_TZ: z.string().default('America/New_York'),
    PORTICO_CLINIC_NAME: z.string().default('Portico Demo Clinic'),
    PORTICO_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(15),
    PORTICO_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(12).default(12),
    PORTICO_COOKIE_SECURE: bool.default(true),
    PORTICO_DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
    PORTICO_TRUSTED_PROXIES: ipList.default([]),
    PORTICO_SIGNIN_ACCOUNT_CAP: z.coerce.number().int().min(10).max(100).default(100),
    PORTICO_SIGNIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(900),
    PORTICO_SIGNIN_IP_MAX_FAILURES: z.coerce.number().int().min(10).max(100_000).default(200),
    PORTICO_SIGNIN_IP_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    PORTICO_DEMO_PASSWORD: z.string().min(12).optional(),
    PORTICO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORTICO_WEB_DIST: z.string().optional(),
    PORTICO_TLS_CERT_FILE: z.string().optional().or(z.literal('').transform(() => undefined)),
    PORTICO_TLS_KEY_FILE: z.string().optional().or(z.literal('').transform(() => undefined)),
    PORTICO_METRICS_TOKEN: z.string().min(16).optional(),
    // Six calendar years, leap days included (HIPAA 164.316(b)(2)(i)); shorter is refused.
    PORTICO_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(2190).default(2192),
    OPENEMR_BASE_URL: optionalUrl,
    OPENEMR_SITE: z.string().regex(/^[A-Za-z0-9.-]+$/).default('default'),
    OPENEMR_CLIENT_ID: z.string().optional(),
    OPENEMR_CLIENT_SECRET: z.string().optional(),
    OPENEMR_SERVICE_USERNAME: z.string().optional(),
    OPENEMR_SERVICE_PASSWORD: z.string().optional(),
    OPENEMR_APPOINTMENT_CATEGORIES: z
      .string()
      .transform((v, ctx) => {
        try {
          return z.record(z.string().regex(/^\d+$/), z.string().min(1)).parse(JSON.parse(v));
        } catch {
          ctx.addIssue({ code: 'custom', message: 'a JSON object of calendar category id to name, e.g. {"9":"Follow-up visit"}' });
          return z.NEVER;
        }
      })
      .optional(),
    OPENEMR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
    OPENEMR_SIM_LATENCY_MS: z.coerce.number().int().min(0).max(10000).default(0),
  })
  .superRefine((env, ctx) => {
    if (env.OPENEMR_BASE_URL && !env.OPENEMR_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['OPENEMR_CLIENT_ID'], message: 'required when OPENEMR_BASE_URL is set' });
    }
    if (!env.PORTICO_TLS_CERT_FILE !== !env.PORTICO_TLS_KEY_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: [env.PORTICO_TLS_CERT_FILE ? 'PORTICO_TLS_KEY_FILE' : 'PORTICO_TLS_CERT_FILE'],
        message: 'set PORTICO_TLS_CERT_FILE and PORTICO_TLS_KEY_FILE together (PEM certificate chain and its private key), or neither',
      });
    }
    if (env.NODE_ENV === 'production' && !env.PORTICO_MASTER_KEY) {
      ctx.addIssue({ code: 'custom', path: ['PORTICO_MASTER_KEY'], message: 'required in production' });
    }
  });

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof Env>) {
  const dataDir = path.resolve(env.PORTICO_DATA_DIR);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    publicUrl: env.PORTICO_PUBLIC_URL,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    cacheNamespace: env.PORTICO_CACHE_NAMESPACE,
    masterKey: env.PORTICO_MASTER_KEY,
    /** Earlier master keys, only to unwrap data keys during a master-key rotation (see keys:rewrap). */
    masterKeysPrevious: env.PORTICO_MASTER_KEYS_PREVIOUS ?? [],
    clinic: { timeZone: env.PORTICO_CLINIC_TZ, name: env.PORTICO_CLINIC_NAME },
    session: {
      idleMs: env.PORTICO_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: env.PORTICO_SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: env.PORTICO_COOKIE_SECURE,
    },
    /** Proxies whose X-Forwarded-For is believed (Fastify trustProxy); none: the socket address is the client. */
    trustedProxies: env.PORTICO_TRUSTED_PROXIES,
    /** Sign-in throttling (AUTH-07): 5 free failures, then 1 s doubling up to the max; hard cap per account. */
    signInThrottle: {
      freeFailures: 5,
      baseDelayMs: 1000,
      maxDelayMs: env.PORTICO_SIGNIN_MAX_DELAY_SECONDS * 1000,
      accountCap: env.PORTICO_SIGNIN_ACCOUNT_CAP,
      ipMaxFailures: env.PORTICO_SIGNIN_IP_MAX_FAILURES,
      ipWindowMs: env.PORTICO_SIGNIN_IP_WINDOW_MINUTES * 60_000,
    },
    dashboardCacheSeconds: env.PORTICO_DASHBOARD_CACHE_SECONDS,
    demoPassword: env.PORTICO_DEMO_PASSWORD,
    logLevel: env.PORTICO_LOG_LEVEL,
    webDist: env.PORTICO_WEB_DIST,
    /** Set: Portico terminates TLS itself (TLS 1.2+, see http/tls.ts); unset: plain HTTP, TLS at a proxy in front. */
    tls: env.PORTICO_TLS_CERT_FILE && env.PORTICO_TLS_KEY_FILE ? { certFile: env.PORTICO_TLS_CERT_FILE, keyFile: env.PORTICO_TLS_KEY_FILE } : undefined,
    metricsToken: env.PORTICO_METRICS_TOKEN,
    audit: { retentionDays: env.PORTICO_AUDIT_RETENTION_DAYS },
    openemr: {
      /** Unset: demo mode, Portico starts the simulator on a loopback port. */
      baseUrl: env.OPENEMR_BASE_URL?.replace(/\/+$/, ''),
      site: env.OPENEMR_SITE,
      clientId: env.OPENEMR_CLIENT_ID,
      clientSecret: env.OPENEMR_CLIENT_SECRET,
      serviceUsername: env.OPENEMR_SERVICE_USERNAME,
      servicePassword: env.OPENEMR_SERVICE_PASSWORD,
      timeoutMs: env.OPENEMR_TIMEOUT_MS,
      appointmentCategories: env.OPENEMR_APPOINTMENT_CATEGORIES,
      simLatencyMs: env.OPENEMR_SIM_LATENCY_MS,
    },
  };
}

export class ConfigError extends Error {}

/** Parses the environment once; one error lists every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}
