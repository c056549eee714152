import { AppointmentsResponse } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const getAppointments = (signal?: AbortSignal): Promise<AppointmentsResponse> =>
  apiGet('/appointments', AppointmentsResponse, signal);

export const appointmentsQueryOptions = () =>
  queryOptions({ queryKey: ['appointments'], queryFn: ({ signal }) => getAppointments(signal) });

export function useAppointments(): UseQueryResult<AppointmentsResponse> {
  return useQuery(appointmentsQueryOptions());
}
