import { Dashboard } from '@portico/contracts';
import type { DashboardSectionName } from '@portico/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { dashboardQueryKey } from './get-dashboard';

type Sections = Dashboard['sections'];

/** The schema of one section is the dashboard's own, so a retry answers in exactly the same shape. */
export function getDashboardSection<N extends DashboardSectionName>(name: N): Promise<Sections[N]> {
  const schema = Dashboard.shape.sections.shape[name];
  return apiGet(`/dashboard/sections/${name}`, schema) as Promise<Sections[N]>;
}

/** Retries one failed section and puts the answer in place of that section only. */
export function useRetryDashboardSection<N extends DashboardSectionName>(name: N): UseMutationResult<Sections[N], unknown, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => getDashboardSection(name),
    onSuccess: (section) => {
      queryClient.setQueryData<Dashboard>(dashboardQueryKey, (old) =>
        old ? { ...old, sections: { ...old.sections, [name]: section } } : old);
    },
  });
}
