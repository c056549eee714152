import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { RouterProvider } from 'react-router';
import { setResponseObserver, setUnauthorizedHandler } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { idleClock } from './idle/idle-clock';
import { createAppRouter } from './router';

// One router and one query client for the page's lifetime, made outside React: a side effect in a state
// initializer runs twice under StrictMode, and a 401 would then navigate a router that is not on screen.
const queryClient = createQueryClient();
const router = createAppRouter();
setResponseObserver((res) => idleClock.observe(res));
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/sign-in') return;
  queryClient.clear();
  void router.navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
});

export function App(): ReactElement {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
