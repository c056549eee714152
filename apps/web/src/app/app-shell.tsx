import type { ReactElement } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '../components/ui/button';
import { ErrorPanel } from '../components/ui/error-panel';
import { Icon } from '../components/ui/icons';
import { Spinner } from '../components/ui/spinner';
import { useSignOut } from '../features/auth/api/sign-out';
import { useMe } from '../lib/session';
import { IdleWarning } from './idle/idle-warning';
import { NAV_ITEMS } from './nav-items';

function Navigation(): ReactElement {
  return (
    <nav aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white md:static md:w-56 md:shrink-0 md:border-t-0 md:bg-transparent">
      <ul className="grid grid-cols-6 md:sticky md:top-20 md:flex md:flex-col md:gap-1">
        {NAV_ITEMS.map((item) => (
          <li key={item.to} className={item.phone === false ? 'max-md:hidden' : undefined}>
            <NavLink to={item.to} end={item.to === '/'}
              className={({ isActive }) =>
                `flex min-h-14 flex-col items-center justify-center gap-0.5 px-1 text-[0.7rem] font-medium md:min-h-11 md:flex-row md:justify-start md:gap-3 md:rounded-md md:px-3 md:text-sm ${
                  isActive ? 'text-teal-800 md:bg-teal-50 md:font-semibold' : 'text-slate-700 hover:text-slate-900 md:hover:bg-slate-100'}`}>
              {({ isActive }) => (
                <>
                  <Icon name={item.icon} className="h-5 w-5" />
                  <span className="md:hidden">{item.short}</span>
                  <span className="hidden md:inline">{item.label}</span>
                  {isActive && <span aria-hidden="true" className="h-0.5 w-6 rounded bg-teal-700 md:hidden" />}
                </>
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function AppShell(): ReactElement {
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const name = me.data ? `${me.data.patient.givenName} ${me.data.patient.familyName}` : null;

  return (
    <div className="min-h-screen">
      <a href="#main"
        className="sr-only z-50 rounded-md bg-white font-semibold text-teal-800 shadow-lg focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:px-4 focus:py-3">
        Skip to main content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2.5">
          <NavLink to="/" className="flex items-center gap-2 rounded-md" aria-label="Portico, go to dashboard">
            <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-lg bg-teal-700 text-sm font-bold text-white">P</span>
            <span className="text-lg font-bold text-slate-900">Portico</span>
          </NavLink>
          <div className="flex min-w-0 items-center gap-2 sm:gap-4">
            {name && (
              <p className="min-w-0 truncate text-sm text-slate-800" data-testid="patient-name">
                <span className="sr-only">Signed in as </span>
                <span className="sm:hidden">{me.data?.patient.givenName}</span>
                <span className="max-sm:hidden">{name}</span>
              </p>
            )}
            <Button variant="secondary" className="shrink-0 px-3" disabled={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) })}>
              <Icon name="sign-out" className="h-4 w-4" />
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl gap-8 px-4 pt-5 pb-24 md:pb-10">
        <Navigation />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {me.isPending ? (
            <Spinner label="Loading your portal…" />
          ) : me.isError ? (
            <ErrorPanel error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
          ) : (
            <Outlet />
          )}
          {/* Phones: what the bottom bar has no room for. */}
          <nav aria-label="More" className="mt-8 border-t border-slate-200 pt-4 md:hidden">
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              {NAV_ITEMS.filter((item) => item.phone === false).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="inline-flex min-h-11 items-center gap-2 text-sm font-semibold text-teal-800 underline-offset-2 hover:underline">
                    <Icon name={item.icon} className="h-4 w-4" />
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </main>
      </div>
      <IdleWarning initialExpiresAt={me.data?.idleExpiresAt} />
    </div>
  );
}
