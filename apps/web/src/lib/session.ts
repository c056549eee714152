import { Me } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { apiGet } from './api-client';

export const meQueryKey = ['me'] as const;

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => apiGet('/me', Me, signal), staleTime: 5 * 60_000 });

export function useMe(): UseQueryResult<Me> {
  return useQuery(meQueryOptions());
}

/** Only same-site paths are allowed as a post-sign-in destination (no open redirect). */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in')) return '/';
  return next;
}

/** The clinic's IANA time zone, in which every date and time is shown (UTC until /me has loaded). */
export function useClinicTimeZone(): string {
  return useMe().data?.clinicTimeZone ?? 'UTC';
}
