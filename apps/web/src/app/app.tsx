import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactElement } from 'react';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { createAppRouter } from './router';

export function App(): ReactElement {
  const [{ queryClient, router }] = useState(() => {
    const queryClient = createQueryClient();
    const router = createAppRouter();
    setUnauthorizedHandler(() => {
      const { pathname, search } = router.state.location;
      if (pathname === '/sign-in') return;
      queryClient.clear();
      void router.navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    });
    return { queryClient, router };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
