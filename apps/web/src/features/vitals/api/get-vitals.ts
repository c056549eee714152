import { VitalsResponse } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const getVitals = (signal?: AbortSignal): Promise<VitalsResponse> => apiGet('/records/vitals', VitalsResponse, signal);

export const vitalsQueryOptions = () =>
  queryOptions({ queryKey: ['records', 'vitals'], queryFn: ({ signal }) => getVitals(signal) });

export function useVitals(): UseQueryResult<VitalsResponse> {
  return useQuery(vitalsQueryOptions());
}
