import { useEffect } from 'react';
import type { ReactElement } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../../../lib/session';
import { SignInForm } from './sign-in-form';

export function SignInPage(): ReactElement {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const expired = params.get('next') !== null;
  const idleMinutes = Number(params.get('minutes'));
  const idle = params.get('reason') === 'idle'
    ? `You were signed out after ${Number.isInteger(idleMinutes) && idleMinutes >= 1 && idleMinutes <= 30 ? `${idleMinutes} ${idleMinutes === 1 ? 'minute' : 'minutes'}` : 'a period'} of inactivity.`
    : null;

  useEffect(() => {
    document.title = 'Sign in · Portico';
  }, []);

  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-3">
          <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-lg bg-teal-700 text-sm font-bold text-white">P</span>
          <span className="text-lg font-bold text-slate-900">Portico</span>
          <span className="text-sm text-slate-700">Patient portal</span>
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center">
        <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-bold text-slate-900">Sign in</h1>
          <p className="mt-1 mb-6 text-slate-700">
            {idle && <span className="block font-semibold text-slate-900" data-testid="idle-notice">{idle}</span>}
            {expired ? 'Please sign in to continue.' : 'See your results, health record and appointments.'}
          </p>
          <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
        </div>
      </main>
    </div>
  );
}
