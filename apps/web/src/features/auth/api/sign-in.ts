import { Me, SignInRequest } from '@portico/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

export { SignInRequest };

export function signIn(input: SignInRequest): Promise<Me> {
  return apiRequest('/auth/sign-in', Me, { method: 'POST', body: SignInRequest.parse(input), skipUnauthorizedRedirect: true });
}

export function useSignIn(): UseMutationResult<Me, unknown, SignInRequest> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      // A new person may be signing in on this device: forget everything cached for the last one.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
