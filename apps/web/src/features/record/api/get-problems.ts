import { ProblemsResponse } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from '../../../lib/api-client';

export type ProblemsData = z.infer<typeof ProblemsResponse>;

export const getProblems = (signal?: AbortSignal): Promise<ProblemsData> => apiGet('/records/problems', ProblemsResponse, signal);

export const problemsQueryOptions = () =>
  queryOptions({ queryKey: ['records', 'problems'], queryFn: ({ signal }) => getProblems(signal) });

export function useProblems(): UseQueryResult<ProblemsData> {
  return useQuery(problemsQueryOptions());
}
