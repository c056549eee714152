import { z } from 'zod';

/**
 * The signed-in account's devices (SESS-08) and the idle clock (SESS-05).
 *   GET    /sessions               -> SessionsResponse
 *   DELETE /sessions/:id           -> 204 (the current one: also signs you out)
 *   POST   /sessions/revoke-others -> RevokeOthersResponse
 *   POST   /sessions/keep-alive    -> KeepAliveResponse
 * Every patient response also carries `x-portico-idle-expires-at` (ISO instant).
 */
export const IDLE_EXPIRES_HEADER = 'x-portico-idle-expires-at';
export const IDLE_MINUTES_HEADER = 'x-portico-idle-minutes';

/** A public id: derived from, but never equal to, the stored hash of the cookie token. */
export const SessionPublicId = z.string().regex(/^[0-9a-f]{16}$/);

export const DeviceType = z.enum(['desktop', 'phone', 'tablet', 'unknown']);
export type DeviceType = z.infer<typeof DeviceType>;

export const SessionInfo = z.object({
  id: SessionPublicId,
  deviceType: DeviceType,
  browser: z.string(),
  os: z.string(),
  ip: z.string().nullable(),
  /** Approximate location from an offline GeoIP database; null when none is configured. */
  location: z.string().nullable(),
  locationNote: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionsResponse = z.object({ sessions: z.array(SessionInfo), idleMinutes: z.number().int() });
export type SessionsResponse = z.infer<typeof SessionsResponse>;

export const RevokeOthersResponse = z.object({ revoked: z.number().int() });
export type RevokeOthersResponse = z.infer<typeof RevokeOthersResponse>;

export const KeepAliveResponse = z.object({ idleExpiresAt: z.string(), idleMinutes: z.number().int() });
export type KeepAliveResponse = z.infer<typeof KeepAliveResponse>;
