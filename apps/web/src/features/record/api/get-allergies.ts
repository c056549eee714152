import { AllergiesResponse } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from '../../../lib/api-client';

export type AllergiesData = z.infer<typeof AllergiesResponse>;

export const getAllergies = (signal?: AbortSignal): Promise<AllergiesData> => apiGet('/records/allergies', AllergiesResponse, signal);

export const allergiesQueryOptions = () =>
  queryOptions({ queryKey: ['records', 'allergies'], queryFn: ({ signal }) => getAllergies(signal) });

export function useAllergies(): UseQueryResult<AllergiesData> {
  return useQuery(allergiesQueryOptions());
}
