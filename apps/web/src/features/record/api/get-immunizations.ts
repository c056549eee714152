import { ImmunizationsResponse } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from '../../../lib/api-client';

export type ImmunizationsData = z.infer<typeof ImmunizationsResponse>;

export const getImmunizations = (signal?: AbortSignal): Promise<ImmunizationsData> => apiGet('/records/immunizations', ImmunizationsResponse, signal);

export const immunizationsQueryOptions = () =>
  queryOptions({ queryKey: ['records', 'immunizations'], queryFn: ({ signal }) => getImmunizations(signal) });

export function useImmunizations(): UseQueryResult<ImmunizationsData> {
  return useQuery(immunizationsQueryOptions());
}
