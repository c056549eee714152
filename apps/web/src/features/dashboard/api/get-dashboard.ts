import { Dashboard } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const dashboardQueryKey = ['dashboard'] as const;

export const getDashboard = (signal?: AbortSignal): Promise<Dashboard> => apiGet('/dashboard', Dashboard, signal);

export const dashboardQueryOptions = () =>
  queryOptions({ queryKey: dashboardQueryKey, queryFn: ({ signal }) => getDashboard(signal) });

export function useDashboard(): UseQueryResult<Dashboard> {
  return useQuery(dashboardQueryOptions());
}
