import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    openemrPatientUuid: text('openemr_patient_uuid').notNull(),
    openemrPatientPid: text('openemr_patient_pid').notNull(),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_email_lower_idx').on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie's token; the token itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** The OpenEMR service account's OAuth tokens, encrypted (AES-256-GCM envelope, see platform/crypto). */
export const openemrTokens = pgTable('openemr_tokens', {
  id: text('id').primaryKey(),
  sealed: text('sealed').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Security-relevant events (ids only, never PHI). Issue 3 turns this into the hash-chained audit log. */
export const securityEvents = pgTable('security_events', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  kind: text('kind').notNull(),
  accountId: uuid('account_id'),
  detail: jsonb('detail').notNull().default({}),
});

/** Small key/value store for the deployment's own settings (e.g. the demo client's registration). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The audit trail (SECURITY-REQUIREMENTS §0.3): one row per event, append-only (a trigger refuses UPDATE and
 * DELETE except the retention purge), hash-chained in `seq` order: row_hash = sha256(prev_hash + canonical row).
 * Never holds PHI content, passwords, codes or tokens: ids, categories and outcomes only.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    tsUtc: timestamp('ts_utc', { withTimezone: true }).notNull(),
    actorUserId: text('actor_user_id'),
    actorKind: text('actor_kind').notNull(),
    actingForPatientId: text('acting_for_patient_id'),
    proxyRelationshipId: text('proxy_relationship_id'),
    subjectPatientId: text('subject_patient_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    outcome: text('outcome').notNull(),
    reasonCode: text('reason_code'),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    sessionIdHash: text('session_id_hash'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    rowHash: text('row_hash').notNull(),
  },
  (t) => [index('audit_subject_ts_idx').on(t.subjectPatientId, t.tsUtc), index('audit_ts_idx').on(t.tsUtc)],
);

/** Where a retention purge cut the chain: verification of the remaining rows starts from this anchor. */
export const auditAnchors = pgTable('audit_anchors', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  purgedThroughSeq: bigint('purged_through_seq', { mode: 'number' }).notNull(),
  anchorHash: text('anchor_hash').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** Failed sign-in counters keyed by account and by client IP (never by cookie), for throttling and lockout. */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Data keys for field encryption, each wrapped (AES-256-GCM) by a master key; rotation re-wraps them. */
export const dataKeys = pgTable('data_keys', {
  id: text('id').primaryKey(),
  wrapped: text('wrapped').notNull(),
  masterKeyId: text('master_key_id').notNull(),
  active: boolean('active').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});
