import { AccessLogResponse } from '@portico/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const ACCESS_LOG_PAGE = 50;

export const getAccessLog = (before: number | undefined, signal?: AbortSignal): Promise<AccessLogResponse> =>
  apiGet(`/me/access-log?limit=${ACCESS_LOG_PAGE}${before ? `&before=${before}` : ''}`, AccessLogResponse, signal);

export const accessLogQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['access-log'],
    queryFn: ({ pageParam, signal }) => getAccessLog(pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // Every fetch of this page is itself an audited access: don't refetch behind the patient's back.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

export function useAccessLog(): UseInfiniteQueryResult<InfiniteData<AccessLogResponse>> {
  return useInfiniteQuery(accessLogQueryOptions());
}
