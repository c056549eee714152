import { ResultsResponse } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const getResults = (signal?: AbortSignal): Promise<ResultsResponse> => apiGet('/records/results', ResultsResponse, signal);

export const resultsQueryOptions = () =>
  queryOptions({ queryKey: ['records', 'results'], queryFn: ({ signal }) => getResults(signal) });

export function useResults(): UseQueryResult<ResultsResponse> {
  return useQuery(resultsQueryOptions());
}
