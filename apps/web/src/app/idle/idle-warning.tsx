import { KeepAliveResponse } from '@portico/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { apiRequest } from '../../lib/api-client';
import { signOut } from '../../features/auth/api/sign-out';
import { announcement, formatRemaining, idleClock, idlePhase, type IdleClock } from './idle-clock';

/** Where an idle sign-out sends the browser: back here after signing in again. */
export function idleSignInPath(pathname: string, search: string, minutes: number | null): string {
  const q = new URLSearchParams({ next: pathname + search, reason: 'idle' });
  if (minutes) q.set('minutes', String(minutes));
  return `/sign-in?${q.toString()}`;
}

/**
 * SESS-05 in the browser: two minutes before the server's idle deadline, an alert dialog offers to stay signed in.
 * The server enforces the timeout either way; this only warns and, at the deadline, goes to the sign-in page.
 */
export function IdleWarning({ clock = idleClock, initialExpiresAt }: { clock?: IdleClock; initialExpiresAt?: string }): ReactElement | null {
  const deadline = useSyncExternalStore(clock.subscribe, () => clock.deadline);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const stayRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    if (initialExpiresAt && (clock.deadline === null || Date.parse(initialExpiresAt) > clock.deadline)) clock.update(initialExpiresAt);
  }, [clock, initialExpiresAt]);
  // Signed out (or a new person signs in): the old deadline means nothing.
  useEffect(() => () => clock.reset(), [clock]);

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === 'portico-idle-deadline') clock.fromStorage(e.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [clock]);

  const { phase, msLeft, nextChangeInMs } = idlePhase(deadline, now);

  // Wake up when the phase changes; tick every second only while the warning is showing.
  useEffect(() => {
    setNow(Date.now());
  }, [deadline]);
  useEffect(() => {
    if (phase === 'warning') {
      const t = setInterval(() => setNow(Date.now()), 1000);
      return () => clearInterval(t);
    }
    if (nextChangeInMs === null) return;
    const t = setTimeout(() => setNow(Date.now()), nextChangeInMs);
    return () => clearTimeout(t);
  }, [phase, nextChangeInMs]);

  useEffect(() => {
    if (phase === 'warning') stayRef.current?.focus();
  }, [phase]);

  const leave = useCallback((reason: 'idle' | 'signed-out') => {
    const target = reason === 'idle' ? idleSignInPath(location.pathname, location.search, clock.minutes) : '/sign-in';
    clock.reset();
    queryClient.clear();
    // The server has ended (or ends now) the session; this also clears the cookie.
    void signOut().catch(() => undefined);
    void navigate(target, { replace: true });
  }, [clock, location.pathname, location.search, navigate, queryClient]);

  useEffect(() => {
    if (phase === 'expired') leave('idle');
  }, [phase, leave]);

  if (phase !== 'warning') return null;

  const stay = async () => {
    setBusy(true);
    setFailed(false);
    try {
      // The answer's idle header moves the clock; the body says the same.
      const res = await apiRequest('/sessions/keep-alive', KeepAliveResponse, { method: 'POST' });
      clock.update(res.idleExpiresAt);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Escape must not dismiss the warning silently: the session would still end. Keep focus on the choice.
    if (e.key === 'Escape') {
      e.preventDefault();
      stayRef.current?.focus();
    }
    if (e.key === 'Tab') {
      const buttons = Array.from(e.currentTarget.querySelectorAll('button'));
      const first = buttons[0];
      const last = buttons[buttons.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last?.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first?.focus(); }
    }
  };

  return (
    <div className="fixed inset-0 z-50 grid place-items-center bg-slate-900/50 p-4">
      <div role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={descId} onKeyDown={onKeyDown}
        className="w-full max-w-md rounded-xl bg-white p-6 shadow-xl">
        <h2 id={titleId} className="text-xl font-bold text-slate-900">Are you still there?</h2>
        <p id={descId} className="mt-2 text-slate-800">
          For your privacy you will be signed out after a period of inactivity.{' '}
          <span aria-hidden="true">Time left: <strong className="tabular-nums" data-testid="idle-countdown">{formatRemaining(msLeft)}</strong></span>
        </p>
        <p className="sr-only" aria-live="assertive" aria-atomic="true">{announcement(msLeft)}</p>
        {failed && <p role="alert" className="mt-3 font-semibold text-red-800">That did not work. Check your connection and try again.</p>}
        <div className="mt-5 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => leave('signed-out')}>Sign out</Button>
          <Button ref={stayRef} disabled={busy} onClick={() => void stay()}>{busy ? 'Staying signed in…' : 'Stay signed in'}</Button>
        </div>
      </div>
    </div>
  );
}
