import { MedicationsResponse } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from '../../../lib/api-client';

export type MedicationsData = z.infer<typeof MedicationsResponse>;

export const getMedications = (signal?: AbortSignal): Promise<MedicationsData> => apiGet('/records/medications', MedicationsResponse, signal);

export const medicationsQueryOptions = () =>
  queryOptions({ queryKey: ['records', 'medications'], queryFn: ({ signal }) => getMedications(signal) });

export function useMedications(): UseQueryResult<MedicationsData> {
  return useQuery(medicationsQueryOptions());
}
