import { z } from 'zod';

/** Who did it, as the patient sees it: their own account is "you"; others are named by kind, never by staff identity. */
export const AccessLogActor = z.enum(['you', 'patient', 'proxy', 'staff', 'system', 'unknown']);
export type AccessLogActor = z.infer<typeof AccessLogActor>;

export const AccessLogOutcome = z.enum(['success', 'denied', 'error']);

export const AccessLogEntry = z.object({
  seq: z.number().int(),
  /** ISO-8601 instant in UTC. */
  at: z.string(),
  actor: AccessLogActor,
  action: z.string(),
  /** The category of data, e.g. "lab-results", "medications", "document"; null for sign-in events. */
  category: z.string().nullable(),
  outcome: AccessLogOutcome,
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const AccessLogQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const AccessLogResponse = z.object({
  items: z.array(AccessLogEntry),
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: z.number().int().nullable(),
});
export type AccessLogResponse = z.infer<typeof AccessLogResponse>;
