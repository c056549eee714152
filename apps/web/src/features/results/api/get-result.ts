import { LabTestResponse } from '@portico/contracts';
import type { LabTestHistory } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const getResult = (key: string, signal?: AbortSignal): Promise<LabTestHistory> =>
  apiGet(`/records/results/${encodeURIComponent(key)}`, LabTestResponse, signal);

export const resultQueryOptions = (key: string) =>
  queryOptions({ queryKey: ['records', 'results', key], queryFn: ({ signal }) => getResult(key, signal) });

export function useResult(key: string): UseQueryResult<LabTestHistory> {
  return useQuery(resultQueryOptions(key));
}
