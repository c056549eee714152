import type { SessionInfo } from '@portico/contracts';
import { sha256 } from '../../platform/crypto';
import type { SessionRow } from '../auth/repo';
import { parseUserAgent } from './user-agent';

export const LOCATION_NOT_CONFIGURED = 'Location lookup is not configured';

/** The id a browser may see and send back: derived from the stored hash, so the hash itself never leaves. */
export const publicSessionId = (idHash: string): string => sha256(idHash).slice(0, 16);

export function toSessionInfo(row: SessionRow, currentIdHash: string): SessionInfo {
  return {
    id: publicSessionId(row.idHash),
    ...parseUserAgent(row.userAgent),
    ip: row.ip,
    // No offline GeoIP database is configured in this deployment; say so rather than guess.
    location: null,
    locationNote: LOCATION_NOT_CONFIGURED,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    current: row.idHash === currentIdHash,
  };
}

/** Newest activity first, the current session always on top. */
export function sortSessions(list: SessionInfo[]): SessionInfo[] {
  return [...list].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
}
