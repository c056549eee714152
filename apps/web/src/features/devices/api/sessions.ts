import { RevokeOthersResponse, SessionsResponse } from '@portico/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../../lib/api-client';

export const sessionsQueryKey = ['sessions'] as const;

export const sessionsQueryOptions = () =>
  queryOptions({ queryKey: sessionsQueryKey, queryFn: ({ signal }) => apiGet('/sessions', SessionsResponse, signal), staleTime: 30_000 });

export function useSessions(): UseQueryResult<SessionsResponse> {
  return useQuery(sessionsQueryOptions());
}

export function useRevokeSession(): UseMutationResult<void, unknown, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await apiRequest(`/sessions/${encodeURIComponent(id)}`, null, { method: 'DELETE' });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useRevokeOthers(): UseMutationResult<RevokeOthersResponse, unknown, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/sessions/revoke-others', RevokeOthersResponse, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
