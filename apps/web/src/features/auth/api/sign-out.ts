import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export async function signOut(): Promise<void> {
  await apiRequest('/auth/sign-out', null, { method: 'POST', skipUnauthorizedRedirect: true });
}

export function useSignOut(): UseMutationResult<void, unknown, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Signed out or already expired: either way nothing of this patient stays in memory.
    onSettled: () => queryClient.clear(),
  });
}
